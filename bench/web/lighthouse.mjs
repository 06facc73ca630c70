// Lighthouse (npm `lighthouse`) on signed-in screens of the running local stack, in Debian's
// Chromium. Usage: node lighthouse.mjs <config.json>, where config is
//   {"chromium", "origin", "storage": {key: value}, "screens": [{"name", "path"}], "runs", "reports"}
// The session goes into localStorage first and Lighthouse keeps it (disableStorageReset), as a
// signed-in person's browser would. Default Lighthouse settings otherwise: mobile emulation
// with simulated slow-4G throttling. Each screen is audited `runs` times and the run with the
// median performance score is reported. Prints one JSON summary line per screen.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await puppeteer.launch({
  executablePath: config.chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
try {
  const page = await browser.newPage();
  await page.goto(`${config.origin}/config.json`);
  await page.evaluate((items) => {
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, config.storage);
  mkdirSync(config.reports, { recursive: true });
  for (const screen of config.screens) {
    // One warm-up load, so the Lambdas behind the screen are warm as for a returning user
    // (from about:blank: a hash change alone is not a navigation).
    await page.goto("about:blank");
    await page.goto(`${config.origin}/#${screen.path}`, { waitUntil: "networkidle0" });
    const runs = [];
    for (let i = 0; i < config.runs; i++) {
      runs.push(await audit(page, `${config.origin}/#${screen.path}`, config, `${screen.name}-${i + 1}`));
    }
    // Lighthouse's own advice for noisy machines: report the run with the median performance score.
    runs.sort((a, b) => a.performance - b.performance);
    const median = runs[Math.floor(runs.length / 2)];
    console.log(JSON.stringify({ name: screen.name, ...median, runs: runs.map((r) => r.performance) }));
  }
} finally {
  await browser.close();
}

async function audit(page, url, config, name) {
  await page.goto("about:blank");
  const result = await lighthouse(
    url,
    {
      logLevel: "error",
      output: "json",
      disableStorageReset: true,
      onlyCategories: ["performance", "accessibility", "best-practices"],
    },
    undefined,
    page,
  );
  const lhr = result.lhr;
  writeFileSync(`${config.reports}/${name}.json`, result.report);
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    url: lhr.finalDisplayedUrl,
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    bestPractices: Math.round(lhr.categories["best-practices"].score * 100),
    fcpMs: metric("first-contentful-paint"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    ttiMs: metric("interactive"),
    cls: metric("cumulative-layout-shift"),
    formFactor: lhr.configSettings.formFactor,
    throttling: lhr.configSettings.throttlingMethod,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    warnings: lhr.runWarnings,
  };
}
