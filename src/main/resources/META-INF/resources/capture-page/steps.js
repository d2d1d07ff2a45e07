// The step registry. The capture API names the next step (`next_step`); the page looks it up here.
// A step is { describe(ctx, state) -> text for the consent list or null, run(ctx, state) -> Promise<state> }
// and resolves with the capture state that follows it. Steps in their own module (the active
// challenge, challenge.js) register themselves with registerStep(name, step) and are imported by app.js.
import { t, hasText } from './i18n.js';
import { el, button, showScreen, showBusy, waitOnScreen, announce } from './ui.js';
import { ApiError } from './api.js';
import { openCamera, stopCamera, attach, grabJpeg, centreLuma, faceCount, CameraError } from './camera.js';

const registry = new Map();

export function registerStep(name, step) {
  registry.set(name, step);
}

export function stepFor(name) {
  return registry.get(name);
}

/** "Step 2 of 3" for camera steps, counted over the session's capture steps. */
export function progressOf(state, name) {
  const names = (state.steps || []).map((s) => s.step);
  const index = names.indexOf(name);
  return index < 0 ? null : t('progress', { current: index + 1, total: names.length });
}

// ---- consent and instructions (next_step "start") -------------------------------------------------
registerStep('start', {
  describe: () => null,
  run(ctx, state) {
    return new Promise((resolve, reject) => {
      const kyc = state.workflow_type === 'kyc';
      const upcoming = (state.steps || []).map((s) => stepFor(s.step)).filter(Boolean)
        .map((step) => step.describe(ctx, state)).filter(Boolean);
      const agree = el('input', { type: 'checkbox', id: 'consent-agree', 'aria-describedby': 'consent-error' });
      const error = el('p', { id: 'consent-error', class: 'notice bad', hidden: true }, t('consent.mustAgree'));
      const start = button(t('consent.start'), async () => {
        if (!agree.checked) {
          error.hidden = false;
          announce(t('consent.mustAgree'));
          agree.focus();
          return;
        }
        start.disabled = true;
        try {
          resolve(await ctx.api.start());
        } catch (e) {
          reject(e);
        }
      }, { primary: true, id: 'consent-start' });
      agree.addEventListener('change', () => { if (agree.checked) error.hidden = true; });
      showScreen('consent', {
        title: t('consent.title'),
        body: [
          el('p', {}, t('consent.intro')),
          el('ul', { class: 'tips' },
            kyc ? el('li', {}, t('consent.needDocument')) : null,
            el('li', {}, t('consent.needCamera'))),
          el('ol', { class: 'steps' }, upcoming.map((text) => el('li', {}, text))),
          el('p', { class: 'muted' }, t('consent.privacy')),
          error,
          el('label', { class: 'consent', for: 'consent-agree' }, agree, el('span', {}, t('consent.agree'))),
        ],
        actions: [start],
      });
    });
  },
});

// ---- shared by the camera steps: attempts, the retry screen, the camera and its viewfinder -------

/**
 * Takes something with take(), sends it with send(taken) and follows the server's verdict: a failed
 * attempt with attempts left shows the reasons as advice and goes round again; anything else is the
 * capture state that follows the step. A 400 (the upload could not be used) asks again without
 * spending an attempt, as does a challenge that expired or was replaced meanwhile.
 */
export async function attempts(ctx, { step, take, send, checking = 'checking', invalid = 'IMAGE_INVALID' }) {
  for (;;) {
    const taken = await take();
    showBusy('checking', t(`${checking}.title`), t(`${checking}.body`));
    let next;
    try {
      next = await send(taken);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        await retryScreen(step, [invalid], null);
        continue;
      }
      const code = e instanceof ApiError && e.body && typeof e.body.code === 'string' ? e.body.code : '';
      if (e instanceof ApiError && (e.status === 409 || e.status === 404) && code.startsWith('challenge_')) {
        await retryScreen(step, ['CHALLENGE_EXPIRED'], null);
        continue;
      }
      if (e instanceof ApiError && e.status === 409) return ctx.api.state();
      throw e;
    }
    const attempt = next.last_attempt;
    if (attempt && attempt.outcome === 'retry') {
      await retryScreen(step, attempt.reasons, attempt.attempts_remaining);
      continue;
    }
    return next;
  }
}

/** Advice for a reason code: the step's own wording where it has one (reason.challenge.X), else the general one. */
function advice(step, code) {
  if (hasText(`reason.${step}.${code}`)) return t(`reason.${step}.${code}`);
  return hasText(`reason.${code}`) ? t(`reason.${code}`) : null;
}

export function retryScreen(step, reasons, remaining) {
  const unique = [...new Set((reasons || []).map((code) => advice(step, code)).filter(Boolean))];
  return waitOnScreen('retry', {
    title: t('retry.title'),
    icon: { symbol: '!', tone: 'bad' },
    body: [
      unique.length ? el('ul', { class: 'tips', id: 'retry-reasons' }, unique.map((text) => el('li', {}, text)))
        : el('p', { id: 'retry-reasons' }, t('retry.generic')),
      remaining != null ? el('p', { class: 'muted' }, t('retry.remaining', { n: remaining })) : null,
    ],
  }, t('retry.button'));
}

/** Opens the camera (explaining any refusal and waiting for "Try again"), runs use(stream), then stops it. */
export async function withCamera(facing, use) {
  for (;;) {
    let stream;
    try {
      stream = await openCamera(facing);
    } catch (e) {
      await cameraProblem(e);
      continue;
    }
    try {
      return await use(stream);
    } finally {
      stopCamera(stream);
      delete document.body.dataset.camera;
    }
  }
}

function cameraProblem(error) {
  const kind = error instanceof CameraError ? error.kind : 'failed';
  if (kind === 'denied') {
    return waitOnScreen('camera-denied', {
      title: t('denied.title'),
      icon: { symbol: '!', tone: 'bad' },
      body: [
        el('p', {}, t('denied.body')),
        el('ol', { class: 'steps' },
          el('li', {}, t('denied.tipBrowser')), el('li', {}, t('denied.tipPhone')), el('li', {}, t('denied.tipReload'))),
      ],
    }, t('denied.retry'));
  }
  const key = kind === 'insecure' ? 'insecure' : 'noCamera';
  return waitOnScreen(`camera-${kind}`, {
    title: t(`${key}.title`),
    icon: { symbol: '!', tone: 'bad' },
    body: [el('p', {}, t(`${key}.body`))],
  }, t('error.retry'));
}

/** The video box with its guide and hint line; the preview is mirrored for the front camera only. */
export function viewfinderParts(name, { guide, mirrored }) {
  const video = el('video', { autoplay: true, muted: true, playsinline: true, 'aria-hidden': 'true' });
  const overlay = el('div', { class: `guide ${guide}`, 'aria-hidden': 'true' });
  const hint = el('div', { class: 'hint', id: `${name}-hint` });
  const frame = el('div', { class: `viewfinder ${name === 'document' ? 'document' : ''} ${mirrored ? 'mirrored' : ''}` },
    video, overlay, hint);
  return { video, overlay, hint, frame };
}

/**
 * Shows the stream in the video; once frames arrive marks the camera ready (body[data-camera]),
 * clears the hint, enables the button and announces it.
 */
export function startPreview(stream, { video, hint }, control) {
  hint.textContent = t('camera.starting');
  stream.getVideoTracks().forEach((track) => track.addEventListener('ended', () => { delete document.body.dataset.camera; }));
  return attach(video, stream).then(() => {
    document.body.dataset.camera = 'ready';
    hint.textContent = '';
    control.disabled = false;
    announce(t('camera.ready'));
  });
}

// ---- photo steps: the identity document (kyc) and the selfie ------------------------------------

/**
 * A step that shows the camera with a guide, takes one still frame on request and posts it to
 * /capture/v1/{token}/{name}.
 */
export function photoStep({ name, facing, guide, mirrored, liveFeedback, describe }) {
  return {
    describe,
    run(ctx, state) {
      return attempts(ctx, {
        step: name,
        take: () => withCamera(facing, (stream) => viewfinder(state, stream, { name, guide, mirrored, liveFeedback })),
        send: (blob) => ctx.api.upload(name, blob),
      });
    },
  };
}

/** Waits for the user's tap and returns the current frame as a JPEG. */
function viewfinder(state, stream, { name, guide, mirrored, liveFeedback }) {
  return new Promise((resolve, reject) => {
    const parts = viewfinderParts(name, { guide, mirrored });
    const { video, overlay, hint, frame } = parts;
    let timer = null;
    const capture = button(t(`${name}.capture`), async () => {
      capture.disabled = true;
      clearInterval(timer);
      try {
        resolve(await grabJpeg(video));
      } catch (e) {
        reject(e);
      }
    }, { primary: true, id: `${name}-capture` });
    capture.disabled = true;
    showScreen(`camera-${name}`, {
      title: t(`${name}.title`),
      progress: progressOf(state, name),
      body: [el('p', {}, t(`${name}.instructions`)), frame],
      actions: [capture],
    });
    startPreview(stream, parts, capture).then(() => {
      if (!liveFeedback) return;
      let busy = false;
      timer = setInterval(async () => {
        if (busy) return;
        busy = true;
        try {
          const text = await liveHint(video);
          const said = text ? t(text) : '';
          if (said !== hint.textContent && said) announce(said);
          hint.textContent = said;
          overlay.classList.toggle('ok', text === 'live.good');
        } finally {
          busy = false;
        }
      }, 500);
    }, reject);
    stream.getVideoTracks().forEach((track) => track.addEventListener('ended', () => clearInterval(timer)));
  });
}

/** Advice from the current frame: light from the centre's brightness, faces where the browser can count them. */
async function liveHint(video) {
  const luma = centreLuma(video);
  if (luma != null && luma < 45) return 'live.dark';
  if (luma != null && luma > 225) return 'live.bright';
  const faces = await faceCount(video);
  if (faces == null) return null;
  if (faces.count === 0) return 'live.noFace';
  if (faces.count > 1) return 'live.manyFaces';
  if (faces.widthRatio < 0.22) return 'live.far';
  return 'live.good';
}

registerStep('document', photoStep({
  name: 'document',
  facing: 'environment',
  guide: 'card-frame',
  mirrored: false,
  liveFeedback: false,
  describe: () => t('consent.stepDocument'),
}));

registerStep('selfie', photoStep({
  name: 'selfie',
  facing: 'user',
  guide: 'face',
  mirrored: true,
  liveFeedback: true,
  describe: (ctx, state) => t(state.workflow_type === 'kyc' ? 'consent.stepSelfieKyc' : 'consent.stepSelfie'),
}));
