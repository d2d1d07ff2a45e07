// The capture API of one session (authenticated by the token in the page's own URL).
export class ApiError extends Error {
  constructor(status, body) {
    super(`capture API answered ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function captureApi(token) {
  const base = `/capture/v1/${encodeURIComponent(token)}`;

  async function call(path, init) {
    const response = await fetch(base + path, { credentials: 'same-origin', cache: 'no-store', ...init });
    let body = null;
    try { body = await response.json(); } catch { /* empty or not JSON */ }
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  return {
    state: () => call('', { method: 'GET' }),
    start: () => call('/start', { method: 'POST' }),
    /** Posts one captured image to a step's endpoint (multipart field "image"). */
    upload: (step, blob) => {
      const form = new FormData();
      form.append('image', blob, `${step}.jpg`);
      return call(`/${encodeURIComponent(step)}`, { method: 'POST', body: form });
    },
    /** A head-move challenge for the next attempt (active liveness). */
    challenge: () => call('/challenge', { method: 'POST' }),
    /** The burst recorded for a challenge: unmirrored JPEG frames in order, one client time (ms) each. */
    challengeFrames: (challenge, frames) => {
      const form = new FormData();
      form.append('nonce', challenge.nonce);
      form.append('timestamps', frames.map((f) => f.at).join(','));
      frames.forEach((f, i) => form.append('frames', f.blob, `frame${String(i).padStart(2, '0')}.jpg`));
      return call(`/challenge/${encodeURIComponent(challenge.challenge_id)}/frames`, { method: 'POST', body: form });
    },
  };
}

/** The session token is the last path segment: /session/{token} or /{lang}/session/{token}. */
export function tokenFromPath(pathname) {
  const parts = pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] || '');
}
