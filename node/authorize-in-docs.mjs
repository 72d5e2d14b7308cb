// Drives /docs in Debian's Chromium as a person would: Authorize with a bearer token, then
// "Try it out" and "Execute" on GET /products. Prints one JSON line: the status the page shows and
// the Authorization header the browser sent. Usage: node authorize-in-docs.mjs <base-url> <token|->
// ("-" skips Authorize). ApiExplorerTest runs it.
import { chromium } from 'playwright-core';

const [base, token] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  let sent = null;
  page.on('request', request => {
    if (new URL(request.url()).pathname === '/products' && request.method() === 'GET') {
      sent = request.headers()['authorization'] ?? '';
    }
  });
  await page.goto(base + '/docs');
  await page.locator('#operations-products-listProducts').waitFor({ timeout: 30000 });
  if (token !== '-') {
    await page.locator('button.btn.authorize').first().click();
    const scheme = page.locator('.auth-container', { hasText: 'bearerJwt' });
    await scheme.locator('input').fill(token);
    await scheme.locator('button.authorize').click();
    await page.locator('button.btn-done').first().click();
  }
  await page.locator('#operations-products-listProducts .opblock-summary').click();
  await page.locator('#operations-products-listProducts .try-out__btn').click();
  await page.locator('#operations-products-listProducts button.execute').click();
  const status = page.locator('#operations-products-listProducts .live-responses-table tbody .response-col_status').first();
  await status.waitFor({ timeout: 30000 });
  console.log(JSON.stringify({ status: (await status.innerText()).trim(), authorization: sent }));
} finally {
  await browser.close();
}
