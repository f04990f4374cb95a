// The training-account card for any site: <script src="https://…/embed.js" defer></script> and
// <div data-training-account data-lang="nl"></div>. Each such element gets the card in a shadow
// root of its own, so the site's styles and the card's stay apart; nothing else of the page is
// read or changed. scripts/post-build.mjs writes it into dist/ with the names of this build's files.
(() => {
  const base = new URL('.', document.currentScript.src).href;
  const at = (file) => new URL(file, base).href;
  const app = import(at('__JS__')).then(async (m) => {
    await m.default({ module_or_path: at('__WASM__') });
    return m;
  });
  const mount = (m) => {
    for (const host of document.querySelectorAll('[data-training-account]')) {
      if (host.shadowRoot) continue;
      const root = host.attachShadow({ mode: 'open' });
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = at('__CSS__');
      const card = document.createElement('div');
      root.append(css, card);
      m.mount_widget(card, host, base);
    }
  };
  app.then((m) => (document.readyState === 'loading' ? addEventListener('DOMContentLoaded', () => mount(m)) : mount(m)));
})();
