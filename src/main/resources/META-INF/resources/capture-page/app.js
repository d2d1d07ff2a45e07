// The capture page's controller: reads the session, runs the step the server names next until it
// says "done", then shows the end and returns the user to the operator's callback.
import { t, chooseLanguage, setLanguage } from './i18n.js';
import { el, button, showScreen, waitOnScreen, loading } from './ui.js';
import { ApiError, captureApi, tokenFromPath } from './api.js';
import { stepFor } from './steps.js';
import './challenge.js';

const ENDED = new Set(['Expired', 'Abandoned', 'Kyc Expired']);
const REDIRECT_DELAY_MS = 2500;

const pathLanguage = document.body.dataset.lang;

function languageFor(state) {
  return chooseLanguage([state && state.language, pathLanguage, ...(navigator.languages || [navigator.language])]);
}

/**
 * Where the user goes back to, with Didit's two query parameters. Every callback_method redirects
 * on this device: initiator and both by definition, completer too because the page has no
 * cross-device handoff, so the device that completes is the one that started.
 */
export function callbackTarget(state) {
  if (!state.callback) return null;
  let url;
  try {
    url = new URL(state.callback);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set('verificationSessionId', state.session_id);
  url.searchParams.set('status', state.status);
  return url.href;
}

function notFound() {
  showScreen('not-found', {
    title: t('notFound.title'),
    icon: { symbol: '?', tone: 'bad' },
    body: [el('p', {}, t('notFound.body'))],
  });
}

function unsupported() {
  showScreen('unsupported', { title: t('unsupported.title'), body: [el('p', {}, t('unsupported.body'))] });
}

/** The end of the page: completed now (redirect), completed earlier, or no longer open. */
function finish(state, completedNow) {
  const target = callbackTarget(state);
  if (ENDED.has(state.status)) {
    showScreen('expired', {
      title: t('expired.title'),
      icon: { symbol: '!', tone: 'bad' },
      body: [el('p', {}, t('expired.body'))],
    });
    return;
  }
  const back = target ? button(t('done.continue'), () => window.location.assign(target), { primary: true, id: 'done-continue' }) : null;
  if (!completedNow) {
    showScreen('finished', {
      title: t('finished.title'),
      icon: { symbol: '✓', tone: 'good' },
      body: [el('p', {}, t('finished.body'))],
      actions: back ? [back] : [],
    });
    return;
  }
  showScreen('done', {
    title: t('done.title'),
    icon: { symbol: '✓', tone: 'good' },
    body: [el('p', {}, t('done.body')), el('p', { class: 'muted' }, target ? t('done.redirecting') : t('done.closeTab'))],
    actions: back ? [back] : [],
  });
  if (target) setTimeout(() => window.location.assign(target), REDIRECT_DELAY_MS);
}

async function problem(error) {
  const unavailable = error instanceof ApiError && (error.status === 503 || error.status === 429);
  await waitOnScreen('error', {
    title: t('error.title'),
    icon: { symbol: '!', tone: 'bad' },
    body: [el('p', {}, t(unavailable ? 'error.unavailable' : 'error.body'))],
  }, t('error.retry'));
}

async function main() {
  setLanguage(chooseLanguage([pathLanguage, ...(navigator.languages || [])]));
  if (document.body.dataset.screen === 'not-found') {
    notFound();
    return;
  }
  const api = captureApi(tokenFromPath(window.location.pathname));
  const ctx = { api };
  loading();
  let state = null;
  while (!state) {
    try {
      state = await api.state();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return notFound();
      await problem(e);
      loading();
    }
  }
  setLanguage(languageFor(state));
  if (state.next_step === 'done') return finish(state, false);
  while (state.next_step !== 'done') {
    const step = stepFor(state.next_step);
    if (!step) return unsupported();
    try {
      state = await step.run(ctx, state);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return notFound();
      await problem(e);
      loading();
      try {
        state = await api.state();
      } catch (again) {
        if (again instanceof ApiError && again.status === 404) return notFound();
      }
    }
  }
  return finish(state, true);
}

main();
