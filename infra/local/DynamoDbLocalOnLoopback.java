// DynamoDB Local bound to 127.0.0.1 only. Its own launcher (ServerRunner) listens on every
// interface and has no option for the address (`-help` lists -port, -inMemory, -dbPath, -sharedDb,
// -cors, -delayTransientStatuses, -disableTelemetry, -optimizeDbBeforeStartup), so anyone on the
// network could read and write the local records. This builds the same server from the same
// arguments and sets the host of its Jetty connector before it starts.
//
// Run in Java's source-file mode (JEP 330): `java -cp DynamoDBLocal.jar:DynamoDBLocal_lib/* <this file> -port N …`,
// so nothing is compiled into the repository. Prints "listening <host>:<port>" once serving.
//
// It also ends when its parent does: the parent holds the write end of its stdin pipe, which the
// kernel closes when the parent exits for any reason, `kill -9` included, so end-of-file on stdin
// means nobody is left to stop this JVM (issue 12: a killed `npm start` or test run used to leave
// an orphaned DynamoDB Local holding memory and its port).
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

public class DynamoDbLocalOnLoopback {
  public static void main(String[] args) throws Exception {
    Thread parentWatch = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is ever written; only the end of the stream matters.
        }
      } catch (IOException e) {
        // A broken pipe is the same news as end-of-file.
      }
      System.exit(0);
    }, "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) ((ServerConnector) connector).setHost("127.0.0.1");
    try {
      proxy.start();
    } catch (Exception e) {
      // Jetty's threads would keep the JVM alive after a failed bind: say why and end.
      System.err.println("failed to start: " + e);
      System.exit(1);
    }
    for (Connector connector : jetty.getConnectors()) {
      ServerConnector c = (ServerConnector) connector;
      System.out.println("listening " + c.getHost() + ":" + c.getLocalPort());
    }
    proxy.join();
  }
}
