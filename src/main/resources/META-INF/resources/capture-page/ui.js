// Screens are rebuilt from scratch with DOM calls (never innerHTML): every text is data.
import { t } from './i18n.js';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function button(label, onClick, { primary = false, id } = {}) {
  return el('button', { type: 'button', class: primary ? 'primary' : null, id, onclick: onClick }, label);
}

let lastAnnouncement = '';

/** Says something through the polite live region (screen readers read it once). */
export function announce(text) {
  const region = document.getElementById('status');
  if (!region || text === lastAnnouncement) return;
  lastAnnouncement = text;
  region.textContent = '';
  // A fresh text node after a frame makes screen readers notice a repeated message too.
  requestAnimationFrame(() => { region.textContent = text; });
}

/**
 * Replaces the page content with one screen. The heading takes focus so keyboard and screen-reader
 * users start at the top of the new content; the next Tab reaches the first control.
 */
export function showScreen(name, { title, progress, icon, body = [], actions = [] }) {
  const main = document.getElementById('app');
  document.body.dataset.screen = name;
  const heading = el('h1', { id: 'screen-title', tabindex: '-1' }, title);
  const card = el('section', { class: 'card', 'aria-labelledby': 'screen-title' },
    progress ? el('p', { class: 'progress' }, progress) : null,
    icon ? el('div', { class: `icon-circle ${icon.tone || ''}`, 'aria-hidden': 'true' }, icon.symbol) : null,
    heading,
    body,
    actions.length ? el('div', { class: 'actions' }, actions) : null);
  main.replaceChildren(card);
  heading.focus({ preventScroll: false });
  announce(title);
  return card;
}

export function showBusy(name, title, detail) {
  return showScreen(name, {
    title,
    body: [el('div', { class: 'busy', 'aria-hidden': 'true' }, el('div', { class: 'spinner' })),
      detail ? el('p', { class: 'muted' }, detail) : null],
  });
}

/** A screen whose single button resolves the returned promise (retry, try again, …). */
export function waitOnScreen(name, content, label, { primary = true } = {}) {
  return new Promise((resolve) => {
    showScreen(name, { ...content, actions: [button(label, () => resolve(), { primary, id: `${name}-action` })] });
  });
}

export function loading() {
  showBusy('loading', t('loading'));
}
