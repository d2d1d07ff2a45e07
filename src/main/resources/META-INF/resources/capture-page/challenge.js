// The active-liveness step (next_step "challenge"): the server names two head moves; the user sees
// them explained, presses Start and does them while the page records a short burst of frames from
// the front camera (mirrored on screen, sent unmirrored), which goes to the server with the nonce.
import { t } from './i18n.js';
import { el, button, showScreen, announce } from './ui.js';
import { recordBurst } from './camera.js';
import { registerStep, progressOf, attempts, withCamera, viewfinderParts, startPreview } from './steps.js';

/** Arrows as the user sees them in the mirrored preview: their own left is on the left of the screen. */
const ARROWS = { turn_left: '←', turn_right: '→', look_up: '↑', look_down: '↓' };
const LEAD_MS = 500;
const MOVE_MS = 1500;
const TAIL_MS = 500;
const FPS = 10;

function moveText(move) {
  return t(`challenge.move.${move}`);
}

/** What to show at a moment of the recording: look ahead, each move in turn, then back to the centre. */
function promptAt(moves, elapsed) {
  if (elapsed < LEAD_MS) return { arrow: '●', text: t('challenge.prompt.centre') };
  const index = Math.floor((elapsed - LEAD_MS) / MOVE_MS);
  if (index < moves.length) return { arrow: ARROWS[moves[index]] || '', text: moveText(moves[index]) };
  return { arrow: '●', text: t('challenge.prompt.back') };
}

/** Shows the moves and the camera, waits for Start, records while prompting; resolves with the frames. */
function perform(state, stream, challenge) {
  return new Promise((resolve, reject) => {
    const moves = challenge.steps;
    const parts = viewfinderParts('challenge', { guide: 'face', mirrored: true });
    const arrow = el('span', { class: 'prompt-arrow', 'aria-hidden': 'true' });
    const words = el('span', { class: 'prompt-text' });
    const prompt = el('div', { class: 'challenge-prompt', id: 'challenge-prompt', hidden: true }, arrow, words);
    parts.frame.append(prompt);
    const start = button(t('challenge.start'), async () => {
      start.disabled = true;
      start.textContent = t('challenge.recording');
      prompt.hidden = false;
      document.body.dataset.recording = 'true';
      let shown = '';
      try {
        const frames = await recordBurst(parts.video, {
          durationMs: LEAD_MS + moves.length * MOVE_MS + TAIL_MS,
          fps: FPS,
          limits: challenge.frames,
          onTick: (elapsed) => {
            const now = promptAt(moves, elapsed);
            if (now.text === shown) return;
            shown = now.text;
            arrow.textContent = now.arrow;
            words.textContent = now.text;
            announce(now.text);
          },
        });
        resolve(frames);
      } catch (e) {
        reject(e);
      } finally {
        delete document.body.dataset.recording;
      }
    }, { primary: true, id: 'challenge-start' });
    start.disabled = true;
    showScreen('camera-challenge', {
      title: t('challenge.title'),
      progress: progressOf(state, 'challenge'),
      body: [
        el('p', {}, t('challenge.instructions')),
        el('ol', { class: 'moves', id: 'challenge-moves' }, moves.map((move) => el('li', {},
          el('span', { class: 'move-arrow', 'aria-hidden': 'true' }, ARROWS[move] || ''), el('span', {}, moveText(move))))),
        parts.frame,
        el('p', { class: 'muted' }, t('challenge.afterStart')),
      ],
      actions: [start],
    });
    startPreview(stream, parts, start).catch(reject);
  });
}

registerStep('challenge', {
  describe: () => t('consent.stepChallenge'),
  run(ctx, state) {
    return attempts(ctx, {
      step: 'challenge',
      checking: 'checkingMoves',
      invalid: 'FRAMES_INVALID',
      take: async () => {
        const challenge = await ctx.api.challenge();
        const frames = await withCamera('user', (stream) => perform(state, stream, challenge));
        return { challenge, frames };
      },
      send: ({ challenge, frames }) => ctx.api.challengeFrames(challenge, frames),
    });
  },
});
