// The app's markup of a view, as the baked first paint carries it
// (assets/first-paint/shell.html, issue #18): what the live app shows, with
// the state of its form controls written as attributes (the page has no
// script to set them), and without what the page must not or need not
// carry: inline styles (the CSP forbids them; only the graph's accessible
// node list and tooltips have any) and that node list (its places follow
// the live camera; the app builds it after its first frame, the listbox
// aria-busy until then), the citation (it names the page's own address
// and today's date, which only the live app knows), the canvas's size and
// Leptos's empty comments.
// Used by scripts/first-paint-shell.mjs and e2e/tests/first-paint.spec.mjs.
export async function captureShell(page) {
  return page.evaluate(() => {
    const app = document.getElementById('app');
    const copy = app.cloneNode(true);
    const live = app.querySelectorAll('input, select, textarea');
    const copies = copy.querySelectorAll('input, select, textarea');
    live.forEach((el, i) => {
      const c = copies[i];
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) c.setAttribute('checked', '');
        else c.removeAttribute('checked');
      } else if (el.tagName === 'SELECT') {
        [...c.options].forEach((o, k) => {
          if (el.options[k].selected) o.setAttribute('selected', '');
          else o.removeAttribute('selected');
        });
      } else if (el.value !== '') c.setAttribute('value', el.value);
      else c.removeAttribute('value');
    });
    copy.querySelectorAll('[style]').forEach((el) => el.removeAttribute('style'));
    copy.querySelectorAll('.a11y-nodes, p.cite').forEach((el) => el.replaceChildren());
    copy.querySelectorAll('[aria-busy]').forEach((el) => el.removeAttribute('aria-busy'));
    copy.querySelectorAll('canvas').forEach((el) => {
      for (const a of [...el.attributes]) el.removeAttribute(a.name);
    });
    const walk = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walk.nextNode()) comments.push(walk.currentNode);
    comments.forEach((n) => n.remove());
    return copy.innerHTML.trim() + '\n';
  });
}
