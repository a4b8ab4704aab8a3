/**
 * The report's only script, inlined in the page (its sha256 is in the page's CSP).
 * It never builds HTML from strings: details are written with textContent, so a record
 * cannot inject markup even here. Pan and zoom move the graph's viewBox.
 */
export const CLIENT_JS = String.raw`(() => {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const svg = document.getElementById('graph');
  const details = document.getElementById('details');
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // ---- details of a node
  function show(id) {
    const d = data.nodes[id];
    if (!d) return;
    for (const n of svg.querySelectorAll('.node.selected')) n.classList.remove('selected');
    const g = svg.querySelector('[data-id="' + id + '"]');
    if (g) g.classList.add('selected');
    details.replaceChildren();
    details.appendChild(el('h3', null, d.title));
    const dl = el('dl');
    const rest = {};
    for (const [k, v] of Object.entries(d.details)) {
      if (v !== null && typeof v === 'object' && !(Array.isArray(v) && v.every((x) => typeof x !== 'object'))) { rest[k] = v; continue; }
      dl.appendChild(el('dt', null, k));
      dl.appendChild(el('dd', null, Array.isArray(v) ? v.join('\n') : String(v)));
    }
    details.appendChild(dl);
    for (const [k, v] of Object.entries(rest)) {
      const box = el('details', null);
      box.open = k !== 'record';
      box.appendChild(el('summary', null, k));
      box.appendChild(el('pre', 'json', JSON.stringify(v, null, 2)));
      details.appendChild(box);
    }
    details.dataset.shown = id;
  }
  for (const g of svg.querySelectorAll('.node')) {
    g.addEventListener('click', (ev) => { ev.stopPropagation(); show(g.dataset.id); });
    g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); show(g.dataset.id); } });
  }

  // ---- pan and zoom
  const full = svg.viewBox.baseVal;
  const home = { x: full.x, y: full.y, w: full.width, h: full.height };
  let vb = { ...home };
  const apply = () => svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h);
  const zoom = (factor, cx, cy) => {
    const w = Math.min(Math.max(vb.w * factor, home.w / 40), home.w * 4);
    const f = w / vb.w;
    vb = { x: cx - (cx - vb.x) * f, y: cy - (cy - vb.y) * f, w: vb.w * f, h: vb.h * f };
    apply();
  };
  const toGraph = (ev) => {
    const r = svg.getBoundingClientRect();
    return { x: vb.x + ((ev.clientX - r.left) / r.width) * vb.w, y: vb.y + ((ev.clientY - r.top) / r.height) * vb.h };
  };
  svg.addEventListener('wheel', (ev) => { ev.preventDefault(); const p = toGraph(ev); zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y); }, { passive: false });
  let drag;
  svg.addEventListener('pointerdown', (ev) => { if (ev.target.closest('.node')) return; drag = { x: ev.clientX, y: ev.clientY, vb: { ...vb } }; svg.setPointerCapture(ev.pointerId); svg.classList.add('dragging'); });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    vb = { ...drag.vb, x: drag.vb.x - ((ev.clientX - drag.x) / r.width) * vb.w, y: drag.vb.y - ((ev.clientY - drag.y) / r.height) * vb.h };
    apply();
  });
  const end = () => { drag = undefined; svg.classList.remove('dragging'); };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  const centre = () => ({ x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 });
  document.getElementById('zoom-in').addEventListener('click', () => { const c = centre(); zoom(1 / 1.3, c.x, c.y); });
  document.getElementById('zoom-out').addEventListener('click', () => { const c = centre(); zoom(1.3, c.x, c.y); });
  document.getElementById('zoom-fit').addEventListener('click', () => { vb = { ...home }; apply(); });

  // ---- diff between two chosen runs
  const before = document.getElementById('diff-before');
  const after = document.getElementById('diff-after');
  const none = document.getElementById('diff-none');
  function pick() {
    if (!before || !after) return;
    let found = false;
    for (const s of document.querySelectorAll('.diff')) {
      const on = s.dataset.pair === before.value + '-' + after.value;
      s.hidden = !on;
      found = found || on;
    }
    none.hidden = found;
    none.textContent = before.value === after.value ? 'Choose two different runs.' : 'This pair was not precomputed (only neighbouring runs are, for large reports): run ml-provenance diff on the two files.';
  }
  if (before && after) { before.addEventListener('change', pick); after.addEventListener('change', pick); pick(); }
})();`;
