import { launchChromium } from '#tests/browser/tools';
const b = await launchChromium();
const p = await b.context.newPage();
const [url, out, w, h, y] = process.argv.slice(2);
await p.setViewportSize({ width: Number(w ?? 1280), height: Number(h ?? 900) });
await p.goto(url!);
if (y) await p.evaluate((v) => window.scrollTo(0, Number(v)), y);
await p.screenshot({ path: out! });
await b.close();
