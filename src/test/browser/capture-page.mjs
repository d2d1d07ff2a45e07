// Drives the capture page in headless Chromium with a fake camera and reports what it saw as JSON.
// Usage: node capture-page.mjs <config.json>   (written by CapturePageBrowserTest or
// CapturePageChallengeBrowserTest; each runs the scenarios its config names)
// The Java tests create the sessions and check the answers; this script only acts as the user.
// The fake camera's file is a launch flag, so every video gets its own browser.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
mkdirSync(config.outDir, { recursive: true });

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const STEP_TIMEOUT = 90_000;

const result = { consoleErrors: {}, foreignRequests: [], screenshots: [], scenarios: {} };

function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  } catch {
    return false;
  }
}

function launch(video) {
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ];
  return chromium.launch({ executablePath: config.chromium, headless: true, args });
}
let browser;

async function newContext(scenario, { deniedCamera = false } = {}) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', deviceScaleFactor: 1 });
  result.consoleErrors[scenario] = [];
  // Observe every request of every page; anything not on this machine is recorded and refused.
  context.on('request', (request) => {
    if (!isLocal(request.url())) result.foreignRequests.push({ scenario, url: request.url() });
  });
  await context.route((url) => !isLocal(url.href), (route) => route.abort());
  // The operator's callback: answered here, so the test needs no second server.
  await context.route('**/test-callback/**', (route) => route.fulfill({
    status: 200, contentType: 'text/html', body: '<!doctype html><title>callback</title><p>back at the operator</p>',
  }));
  if (deniedCamera) {
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('console', (message) => {
    if (message.type() === 'error') result.consoleErrors[scenario].push(`${message.text()} @ ${message.location().url || ''}`);
  });
  page.on('pageerror', (error) => result.consoleErrors[scenario].push(`pageerror: ${error.message}`));
  return { context, page };
}

/** Saves the current screen at phone and desktop width. */
async function shoot(page, name) {
  for (const [label, size] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    const file = join(config.outDir, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    result.screenshots.push(file);
  }
  await page.setViewportSize(PHONE);
}

const screen = (page, name) => page.waitForSelector(`body[data-screen="${name}"]`);
const text = (page, selector) => page.locator(selector).first().innerText();
const activeId = (page) => page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));

async function consentByKeyboard(page, scenario) {
  await screen(page, 'consent');
  const steps = [];
  steps.push(await activeId(page));                // the heading has focus on a new screen
  await page.keyboard.press('Tab');
  steps.push(await activeId(page));                // the consent checkbox
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  steps.push(await activeId(page));                // the Start button
  result.scenarios[scenario].focusOrder = steps;
  await page.keyboard.press('Enter');
}

async function cameraReady(page, step) {
  await page.waitForSelector(`body[data-screen="camera-${step}"][data-camera="ready"]`);
  await page.waitForTimeout(1200);                 // let the live hint run once
}

async function run(name, body, options) {
  result.scenarios[name] = {};
  const { context, page } = await newContext(name, options);
  try {
    await body(page, result.scenarios[name]);
  } catch (error) {
    result.scenarios[name].error = String(error && error.stack || error);
    try { await page.screenshot({ path: join(config.outDir, `failure-${name}.png`), fullPage: true }); } catch { /* closed */ }
  } finally {
    await context.close();
  }
}

if (config.flow) {
  browser = await launch(config.video);

  // 1. A biometric-authentication session from the link to the operator's callback.
  await run('flow', async (page, out) => {
    const response = await page.goto(config.flow.url);
    out.status = response.status();
    out.csp = response.headers()['content-security-policy'] || null;
    await screen(page, 'consent');
    await shoot(page, '1-consent');
    // Start without agreeing: the page says why and keeps the user here.
    await page.click('#consent-start');
    out.mustAgreeShown = await page.isVisible('#consent-error');
    await page.focus('#screen-title');
    await consentByKeyboard(page, 'flow');
    await cameraReady(page, 'selfie');
    out.hint = await text(page, '#selfie-hint');
    await shoot(page, '2-selfie-camera');
    await page.click('#selfie-capture');
    await screen(page, 'done');
    out.doneTitle = await text(page, 'h1');
    await shoot(page, '3-done');
    await page.waitForURL('**/test-callback/**');
    out.finalUrl = page.url();
  });

  // 2. The same link once the session is decided.
  await run('finished', async (page, out) => {
    await page.goto(config.flow.url);
    await screen(page, 'finished');
    out.title = await text(page, 'h1');
    await shoot(page, '4-finished');
  });

  // 3. A selfie that does not match the portrait on file: advice and another attempt.
  await run('retry', async (page, out) => {
    await page.goto(config.retry.url);
    await screen(page, 'consent');
    await page.check('#consent-agree');
    await page.click('#consent-start');
    await cameraReady(page, 'selfie');
    await page.click('#selfie-capture');
    await screen(page, 'retry');
    out.reasons = await text(page, '#retry-reasons');
    out.body = await text(page, 'main');
    await shoot(page, '5-retry');
    await page.click('#retry-action');
    await cameraReady(page, 'selfie');
    out.cameraAgain = true;
  });

  // 4. Camera permission refused (Spanish session): a clear message and a way to try again.
  await run('denied', async (page, out) => {
    await page.goto(config.denied.url);
    await screen(page, 'consent');
    await page.check('#consent-agree');
    await page.click('#consent-start');
    await screen(page, 'camera-denied');
    out.title = await text(page, 'h1');
    out.lang = await page.evaluate(() => document.documentElement.lang);
    out.button = await text(page, '#camera-denied-action');
    await shoot(page, '6-camera-denied');
    await page.click('#camera-denied-action');
    await screen(page, 'camera-denied');
    out.retried = true;
  }, { deniedCamera: true });

  // 5. A kyc session: the document comes first, in a card-shaped frame, then the selfie.
  await run('kyc', async (page, out) => {
    await page.goto(config.kyc.url);
    await screen(page, 'consent');
    out.consentSteps = await text(page, 'ol.steps');
    await page.check('#consent-agree');
    await page.click('#consent-start');
    await cameraReady(page, 'document');
    out.progress = await text(page, '.progress');
    await shoot(page, '8-document-camera');
    await page.click('#document-capture');
    await page.waitForSelector('body[data-screen="camera-selfie"], body[data-screen="retry"]');
    out.afterDocument = await page.evaluate(() => document.body.dataset.screen);
  });

  // 6. A link whose session expired before it was used.
  await run('expired', async (page, out) => {
    await page.goto(config.expired.url);
    await screen(page, 'expired');
    out.title = await text(page, 'h1');
    out.buttons = await page.locator('button').count();
    await shoot(page, '9-expired');
  });

  // 7. A token that does not exist.
  await run('notFound', async (page, out) => {
    const response = await page.goto(config.notFound.url);
    out.status = response.status();
    await screen(page, 'not-found');
    out.title = await text(page, 'h1');
    await shoot(page, '7-not-found');
  });

  await browser.close();
}

// The active challenge: one browser per fake-camera video (a rendered head doing the moves asked,
// the flat photo moved the same way, the head doing other moves). Start is pressed as soon as the
// camera shows frames, so the recording begins in the clip's frontal lead-in and sees the moves in order.
async function challengeReady(page) {
  await page.waitForSelector('body[data-screen="camera-challenge"][data-camera="ready"]');
}

for (const scenario of config.challenges || []) {
  browser = await launch(scenario.video);
  await run(scenario.name, async (page, out) => {
    await page.goto(scenario.url);
    await screen(page, 'consent');
    out.consentSteps = await text(page, 'ol.steps');
    await page.check('#consent-agree');
    await page.click('#consent-start');
    await challengeReady(page);
    out.moves = await text(page, '#challenge-moves');
    out.progress = await text(page, '.progress');
    if (scenario.keyboard) {
      const focus = [await activeId(page)];        // the heading
      await page.keyboard.press('Tab');
      focus.push(await activeId(page));            // Start
      out.focusOrder = focus;
      await page.keyboard.press('Enter');
    } else {
      await page.click('#challenge-start');
    }
    await page.waitForSelector('body[data-recording="true"]');
    out.firstPrompt = await text(page, '#challenge-prompt');
    await page.waitForSelector('body[data-screen="done"], body[data-screen="retry"]', { timeout: STEP_TIMEOUT });
    out.after = await page.evaluate(() => document.body.dataset.screen);
    if (out.after === 'done') {
      await page.waitForURL('**/test-callback/**');
      out.finalUrl = page.url();
      return;
    }
    out.reasons = await text(page, '#retry-reasons');
    out.body = await text(page, 'main');
    if (!scenario.screenshots) return;
    await shoot(page, '11-challenge-retry');
    // Round again: a new challenge on the same camera screen; screens before and while recording.
    await page.click('#retry-action');
    await challengeReady(page);
    await shoot(page, '10-challenge-camera');
    await page.click('#challenge-start');
    await page.waitForSelector('body[data-recording="true"]');
    await page.waitForTimeout(900);
    out.movePrompt = await text(page, '#challenge-prompt');
    await shoot(page, '10-challenge-recording');
  });
  await browser.close();
}

writeFileSync(config.resultFile, JSON.stringify(result, null, 2));
console.log(`capture-page: ${result.screenshots.length} screenshots in ${config.outDir}`);
