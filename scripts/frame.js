// The frame of the page that index.html paints before the wasm runs (the header, the navigation,
// the loading line): its words in the person's language where it is known as the app will choose
// it (src/i18n/choose.rs: a saved choice, a link's ?lang=, the browser's languages), else they
// stay hidden and the app writes them. FRAME_WORDS (scripts/frame-words.json, the app's own words:
// src/i18n's tests compare them) is put before this by scripts/post-build.mjs, which runs it
// first in the app's boot-<hash>.js. The app removes the frame as it mounts (src/main.rs).
{
  const frame = document.getElementById('frame');
  const primary = (tag) => tag?.split(/[-_]/)[0].toLowerCase();
  let saved = null;
  try {
    saved = localStorage.getItem('training-account.language');
  } catch {
    // storage refused (a sandboxed frame): as the app, go on without it
  }
  const link = new URLSearchParams(location.search).get('lang');
  const lang = [saved, link, ...navigator.languages].map(primary).find((l) => l in FRAME_WORDS);
  if (frame && lang) {
    const words = FRAME_WORDS[lang];
    for (const el of frame.querySelectorAll('[data-words]')) el.textContent = words[el.dataset.words];
    for (const button of frame.querySelectorAll('.languages button')) button.setAttribute('aria-pressed', String(button.lang === lang));
    document.documentElement.lang = lang;
    frame.classList.add('frame-ready');
  }
  for (const a of frame?.querySelectorAll('.site-nav a') ?? []) {
    if (a.getAttribute('href') === location.pathname) a.setAttribute('aria-current', 'page');
  }
}
