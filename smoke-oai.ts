import { handler } from '#handlers/oai'; console.log(typeof handler);
