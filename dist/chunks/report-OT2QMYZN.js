import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addTrustFlags,
  identityFrom
} from "./chunk-IVV76MIV.js";
import {
  STORE_SOURCE_HELP,
  refuseFilesWithStore,
  storeRunsById,
  storeRunsSelected
} from "./chunk-UKDGKPL6.js";
import {
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  loadDocuments
} from "./chunk-NFQFVJRT.js";
import "./chunk-BF4Q6TWI.js";
import "./chunk-YTIBHEOE.js";
import "./chunk-LNJGPLWF.js";
import {
  datasetLabel,
  graphFromStatements,
  metricLabel,
  runLabel,
  shortDigest
} from "./chunk-P4UEVANE.js";
import {
  exactNumber,
  fmtNumber
} from "./chunk-NUK3A53C.js";
import {
  finalMetrics,
  indexGraph
} from "./chunk-SYMDRX5X.js";
import "./chunk-VUH2MMAD.js";
import "./chunk-B5GPVALP.js";
import "./chunk-O4K44SJ3.js";
import {
  loadTrustedRoot,
  validateIdentityPolicy,
  verifyBundle
} from "./chunk-5ZCMPX7L.js";
import "./chunk-62XNHVZS.js";
import "./chunk-AT7NZQCF.js";
import "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-2D5AWCES.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-MFLXRQWX.js";
import "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5KXDBTSY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import {
  writeFileAtomic
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-E7LSDQ4Q.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import {
  diffStatements,
  sections
} from "./chunk-TEKKXLFQ.js";
import "./chunk-DIIYQ2ZF.js";
import {
  displayUri
} from "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/report.ts
import path from "node:path";

// src/render/report/page.ts
import { createHash } from "node:crypto";

// src/render/report/escape.ts
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };
function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}
__name(escapeHtml, "escapeHtml");
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
__name(jsonForScript, "jsonForScript");

// src/render/report/chart.ts
var W = 360;
var H = 170;
var PAD = { left: 58, right: 14, top: 22, bottom: 30 };
function renderChart(s, runCount) {
  const values = s.points.map((p) => p.value);
  let [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = /* @__PURE__ */ __name((run2) => PAD.left + (runCount > 1 ? run2 / (runCount - 1) * iw : iw / 2), "x");
  const y = /* @__PURE__ */ __name((v) => PAD.top + (1 - (v - lo) / (hi - lo)) * ih, "y");
  const title = `${s.name}${s.split ? ` (${s.split})` : ""}`;
  const pts = s.points.map((p) => `${x(p.run).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const dots = s.points.map((p) => `<circle class="pt" cx="${x(p.run).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5"><title>${escapeHtml(`${p.label}: ${fmtNumber(p.value)}`)}</title></circle>`).join("");
  const ticks = [hi, (hi + lo) / 2, lo].map((v) => `<text class="tick" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(fmtNumber(v))}</text><line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`).join("");
  return [
    `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(`${title} over runs`)}">`,
    `<text class="ctitle" x="${PAD.left}" y="14">${escapeHtml(title)}</text>`,
    ticks,
    `<text class="tick" x="${PAD.left}" y="${H - 8}">run 1</text><text class="tick" x="${W - PAD.right}" y="${H - 8}" text-anchor="end">run ${runCount}</text>`,
    s.points.length > 1 ? `<polyline class="line" points="${pts}"/>` : "",
    dots,
    "</svg></figure>"
  ].join("");
}
__name(renderChart, "renderChart");

// src/render/report/client.ts
var CLIENT_JS = String.raw`(() => {
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

// node_modules/@dagrejs/dagre/dist/dagre.esm.js
var Te = Object.defineProperty;
var Sn = /* @__PURE__ */ __name((e, n, t) => n in e ? Te(e, n, { enumerable: true, configurable: true, writable: true, value: t }) : e[n] = t, "Sn");
var Mn = /* @__PURE__ */ __name((e, n) => {
  for (var t in n) Te(e, t, { get: n[t], enumerable: true });
}, "Mn");
var je = /* @__PURE__ */ __name((e, n, t) => Sn(e, typeof n != "symbol" ? n + "" : n, t), "je");
var ie = {};
Mn(ie, { Graph: /* @__PURE__ */ __name(() => T, "Graph"), alg: /* @__PURE__ */ __name(() => H2, "alg") });
var Pn = Object.defineProperty;
var Se = /* @__PURE__ */ __name((e, n) => {
  for (var t in n) Pn(e, t, { get: n[t], enumerable: true });
}, "Se");
var Q = class {
  static {
    __name(this, "Q");
  }
  constructor(e) {
    this._isDirected = true, this._isMultigraph = false, this._isCompound = false, this._nodes = {}, this._in = {}, this._preds = {}, this._out = {}, this._sucs = {}, this._edgeObjs = {}, this._edgeLabels = {}, this._nodeCount = 0, this._edgeCount = 0, this._defaultNodeLabelFn = () => {
    }, this._defaultEdgeLabelFn = () => {
    }, e && (this._isDirected = "directed" in e ? e.directed : true, this._isMultigraph = "multigraph" in e ? e.multigraph : false, this._isCompound = "compound" in e ? e.compound : false), this._isCompound && (this._parent = {}, this._children = {}, this._children["\0"] = {});
  }
  isDirected() {
    return this._isDirected;
  }
  isMultigraph() {
    return this._isMultigraph;
  }
  isCompound() {
    return this._isCompound;
  }
  setGraph(e) {
    return this._label = e, this;
  }
  graph() {
    return this._label;
  }
  setDefaultNodeLabel(e) {
    return typeof e != "function" ? this._defaultNodeLabelFn = () => e : this._defaultNodeLabelFn = e, this;
  }
  nodeCount() {
    return this._nodeCount;
  }
  nodes() {
    return Object.keys(this._nodes);
  }
  sources() {
    return this.nodes().filter((e) => Object.keys(this._in[e]).length === 0);
  }
  sinks() {
    return this.nodes().filter((e) => Object.keys(this._out[e]).length === 0);
  }
  setNodes(e, n) {
    return e.forEach((t) => {
      n !== void 0 ? this.setNode(t, n) : this.setNode(t);
    }), this;
  }
  setNode(e, n) {
    return e in this._nodes ? (arguments.length > 1 && (this._nodes[e] = n), this) : (this._nodes[e] = arguments.length > 1 ? n : this._defaultNodeLabelFn(e), this._isCompound && (this._parent[e] = "\0", this._children[e] = {}, this._children["\0"][e] = true), this._in[e] = {}, this._preds[e] = {}, this._out[e] = {}, this._sucs[e] = {}, ++this._nodeCount, this);
  }
  node(e) {
    return this._nodes[e];
  }
  hasNode(e) {
    return e in this._nodes;
  }
  removeNode(e) {
    if (e in this._nodes) {
      let n = /* @__PURE__ */ __name((t) => this.removeEdge(this._edgeObjs[t]), "n");
      delete this._nodes[e], this._isCompound && (this._removeFromParentsChildList(e), delete this._parent[e], this.children(e).forEach((t) => {
        this.setParent(t);
      }), delete this._children[e]), Object.keys(this._in[e]).forEach(n), delete this._in[e], delete this._preds[e], Object.keys(this._out[e]).forEach(n), delete this._out[e], delete this._sucs[e], --this._nodeCount;
    }
    return this;
  }
  setParent(e, n) {
    if (!this._isCompound) throw new Error("Cannot set parent in a non-compound graph");
    if (n === void 0) n = "\0";
    else {
      n += "";
      for (let t = n; t !== void 0; t = this.parent(t)) if (t === e) throw new Error("Setting " + n + " as parent of " + e + " would create a cycle");
      this.setNode(n);
    }
    return this.setNode(e), this._removeFromParentsChildList(e), this._parent[e] = n, this._children[n][e] = true, this;
  }
  parent(e) {
    if (this._isCompound) {
      let n = this._parent[e];
      if (n !== "\0") return n;
    }
  }
  children(e = "\0") {
    if (this._isCompound) {
      let n = this._children[e];
      if (n) return Object.keys(n);
    } else {
      if (e === "\0") return this.nodes();
      if (this.hasNode(e)) return [];
    }
    return [];
  }
  predecessors(e) {
    let n = this._preds[e];
    if (n) return Object.keys(n);
  }
  successors(e) {
    let n = this._sucs[e];
    if (n) return Object.keys(n);
  }
  neighbors(e) {
    let n = this.predecessors(e);
    if (n) {
      let t = new Set(n), r = this.successors(e);
      if (r) for (let o of r) t.add(o);
      return Array.from(t.values());
    }
  }
  isLeaf(e) {
    var n;
    let t;
    return this.isDirected() ? t = this.successors(e) : t = this.neighbors(e), ((n = t == null ? void 0 : t.length) != null ? n : 0) === 0;
  }
  filterNodes(e) {
    let n = new this.constructor({ directed: this._isDirected, multigraph: this._isMultigraph, compound: this._isCompound });
    n.setGraph(this.graph()), Object.entries(this._nodes).forEach(([o, i]) => {
      e(o) && n.setNode(o, i);
    }), Object.values(this._edgeObjs).forEach((o) => {
      n.hasNode(o.v) && n.hasNode(o.w) && n.setEdge(o, this.edge(o));
    });
    let t = {}, r = /* @__PURE__ */ __name((o) => {
      let i = this.parent(o);
      return !i || n.hasNode(i) ? (t[o] = i, i) : i in t ? t[i] : r(i);
    }, "r");
    return this._isCompound && n.nodes().forEach((o) => n.setParent(o, r(o))), n;
  }
  setDefaultEdgeLabel(e) {
    return typeof e != "function" ? this._defaultEdgeLabelFn = () => e : this._defaultEdgeLabelFn = e, this;
  }
  edgeCount() {
    return this._edgeCount;
  }
  edges() {
    return Object.values(this._edgeObjs);
  }
  setPath(e, n) {
    return e.reduce((t, r) => (n !== void 0 ? this.setEdge(t, r, n) : this.setEdge(t, r), r)), this;
  }
  setEdge(e, n, t, r) {
    let o, i, s, a, l = false;
    typeof e == "object" && e !== null && "v" in e ? (o = e.v, i = e.w, s = e.name, arguments.length === 2 && (a = n, l = true)) : (o = e, i = n, s = r, arguments.length > 2 && (a = t, l = true)), o = "" + o, i = "" + i, s !== void 0 && (s = "" + s);
    let u = z(this._isDirected, o, i, s);
    if (u in this._edgeLabels) return l && (this._edgeLabels[u] = a), this;
    if (s !== void 0 && !this._isMultigraph) throw new Error("Cannot set a named edge when isMultigraph = false");
    this.setNode(o), this.setNode(i), this._edgeLabels[u] = l ? a : this._defaultEdgeLabelFn(o, i, s);
    let d = Fn(this._isDirected, o, i, s);
    return o = d.v, i = d.w, Object.freeze(d), this._edgeObjs[u] = d, Re(this._preds[i], o), Re(this._sucs[o], i), this._in[i][u] = d, this._out[o][u] = d, this._edgeCount++, this;
  }
  edge(e, n, t) {
    let r = arguments.length === 1 ? oe(this._isDirected, e) : z(this._isDirected, e, n, t);
    return this._edgeLabels[r];
  }
  edgeAsObj(e, n, t) {
    let r = arguments.length === 1 ? this.edge(e) : this.edge(e, n, t);
    return typeof r != "object" || r === null ? { label: r } : r;
  }
  hasEdge(e, n, t) {
    return (arguments.length === 1 ? oe(this._isDirected, e) : z(this._isDirected, e, n, t)) in this._edgeLabels;
  }
  removeEdge(e, n, t) {
    let r = arguments.length === 1 ? oe(this._isDirected, e) : z(this._isDirected, e, n, t), o = this._edgeObjs[r];
    if (o) {
      let i = o.v, s = o.w;
      delete this._edgeLabels[r], delete this._edgeObjs[r], Ie(this._preds[s], i), Ie(this._sucs[i], s), delete this._in[s][r], delete this._out[i][r], this._edgeCount--;
    }
    return this;
  }
  inEdges(e, n) {
    return this.isDirected() ? this.filterEdges(this._in[e], e, n) : this.nodeEdges(e, n);
  }
  outEdges(e, n) {
    return this.isDirected() ? this.filterEdges(this._out[e], e, n) : this.nodeEdges(e, n);
  }
  nodeEdges(e, n) {
    if (e in this._nodes) return this.filterEdges({ ...this._in[e], ...this._out[e] }, e, n);
  }
  _removeFromParentsChildList(e) {
    delete this._children[this._parent[e]][e];
  }
  filterEdges(e, n, t) {
    if (!e) return;
    let r = Object.values(e);
    return t ? r.filter((o) => o.v === n && o.w === t || o.v === t && o.w === n) : r;
  }
};
function Re(e, n) {
  e[n] ? e[n]++ : e[n] = 1;
}
__name(Re, "Re");
function Ie(e, n) {
  e[n] !== void 0 && !--e[n] && delete e[n];
}
__name(Ie, "Ie");
function z(e, n, t, r) {
  let o = "" + n, i = "" + t;
  if (!e && o > i) {
    let s = o;
    o = i, i = s;
  }
  return o + "" + i + "" + (r === void 0 ? "\0" : r);
}
__name(z, "z");
function Fn(e, n, t, r) {
  let o = "" + n, i = "" + t;
  if (!e && o > i) {
    let a = o;
    o = i, i = a;
  }
  let s = { v: o, w: i };
  return r && (s.name = r), s;
}
__name(Fn, "Fn");
function oe(e, n) {
  return z(e, n.v, n.w, n.name);
}
__name(oe, "oe");
var Dn = {};
Se(Dn, { read: /* @__PURE__ */ __name(() => Bn, "read"), write: /* @__PURE__ */ __name(() => An, "write") });
function An(e) {
  let n = { options: { directed: e.isDirected(), multigraph: e.isMultigraph(), compound: e.isCompound() }, nodes: Vn(e), edges: Yn(e) }, t = e.graph();
  return t !== void 0 && (n.value = structuredClone(t)), n;
}
__name(An, "An");
function Vn(e) {
  return e.nodes().map((n) => {
    let t = e.node(n), r = e.parent(n), o = { v: n };
    return t !== void 0 && (o.value = t), r !== void 0 && (o.parent = r), o;
  });
}
__name(Vn, "Vn");
function Yn(e) {
  return e.edges().map((n) => {
    let t = e.edge(n), r = { v: n.v, w: n.w };
    return n.name !== void 0 && (r.name = n.name), t !== void 0 && (r.value = t), r;
  });
}
__name(Yn, "Yn");
function Bn(e) {
  let n = new Q(e.options);
  return e.value !== void 0 && n.setGraph(e.value), e.nodes.forEach((t) => {
    n.setNode(t.v, t.value), t.parent && n.setParent(t.v, t.parent);
  }), e.edges.forEach((t) => {
    n.setEdge({ v: t.v, w: t.w, name: t.name }, t.value);
  }), n;
}
__name(Bn, "Bn");
var H2 = {};
Se(H2, { CycleException: /* @__PURE__ */ __name(() => K, "CycleException"), bellmanFord: /* @__PURE__ */ __name(() => Me, "bellmanFord"), components: /* @__PURE__ */ __name(() => zn, "components"), dijkstra: /* @__PURE__ */ __name(() => J, "dijkstra"), dijkstraAll: /* @__PURE__ */ __name(() => $n, "dijkstraAll"), findCycles: /* @__PURE__ */ __name(() => Un, "findCycles"), floydWarshall: /* @__PURE__ */ __name(() => Kn, "floydWarshall"), isAcyclic: /* @__PURE__ */ __name(() => Zn, "isAcyclic"), postorder: /* @__PURE__ */ __name(() => nt, "postorder"), preorder: /* @__PURE__ */ __name(() => tt, "preorder"), prim: /* @__PURE__ */ __name(() => rt, "prim"), shortestPaths: /* @__PURE__ */ __name(() => ot, "shortestPaths"), tarjan: /* @__PURE__ */ __name(() => Fe, "tarjan"), topsort: /* @__PURE__ */ __name(() => De, "topsort") });
var Wn = /* @__PURE__ */ __name(() => 1, "Wn");
function Me(e, n, t, r) {
  return Xn(e, String(n), t || Wn, r || function(o) {
    var i;
    return (i = e.outEdges(o)) != null ? i : [];
  });
}
__name(Me, "Me");
function Xn(e, n, t, r) {
  let o = {}, i, s = 0, a = e.nodes(), l = /* @__PURE__ */ __name(function(c) {
    let f = o[c.v], h = o[c.w];
    if (!f || !h) return;
    let g = t(c);
    f.distance + g < h.distance && (o[c.w] = { distance: f.distance + g, predecessor: c.v }, i = true);
  }, "l"), u = /* @__PURE__ */ __name(function() {
    a.forEach(function(c) {
      r(c).forEach(function(f) {
        let h = f.v === c ? f.v : f.w, g = h === f.v ? f.w : f.v;
        l({ v: h, w: g });
      });
    });
  }, "u");
  a.forEach(function(c) {
    let f = c === n ? 0 : Number.POSITIVE_INFINITY;
    o[c] = { distance: f, predecessor: "" };
  });
  let d = a.length;
  for (let c = 1; c < d && (i = false, s++, u(), !!i); c++) ;
  if (s === d - 1 && (i = false, u(), i)) throw new Error("The graph contains a negative weight cycle");
  return o;
}
__name(Xn, "Xn");
function zn(e) {
  let n = {}, t = [], r;
  function o(i) {
    var s, a;
    i in n || (n[i] = true, r.push(i), (s = e.successors(i)) == null || s.forEach(o), (a = e.predecessors(i)) == null || a.forEach(o));
  }
  __name(o, "o");
  return e.nodes().forEach(function(i) {
    r = [], o(i), r.length && t.push(r);
  }), t;
}
__name(zn, "zn");
var Pe = class {
  static {
    __name(this, "Pe");
  }
  constructor() {
    this._arr = [], this._keyIndices = {};
  }
  size() {
    return this._arr.length;
  }
  keys() {
    return this._arr.map((e) => e.key);
  }
  has(e) {
    return e in this._keyIndices;
  }
  priority(e) {
    let n = this._keyIndices[e];
    if (n !== void 0) return this._arr[n].priority;
  }
  min() {
    if (this.size() === 0) throw new Error("Queue underflow");
    return this._arr[0].key;
  }
  add(e, n) {
    let t = this._keyIndices, r = String(e);
    if (!(r in t)) {
      let o = this._arr, i = o.length;
      return t[r] = i, o.push({ key: r, priority: n }), this._decrease(i), true;
    }
    return false;
  }
  removeMin() {
    if (this.size() === 0) throw new Error("Queue underflow");
    this._swap(0, this._arr.length - 1);
    let e = this._arr.pop();
    return delete this._keyIndices[e.key], this._heapify(0), e.key;
  }
  decrease(e, n) {
    let t = this._keyIndices[e];
    if (t === void 0) throw new Error(`Key not found: ${e}`);
    let r = this._arr[t].priority;
    if (n > r) throw new Error(`New priority is greater than current priority. Key: ${e} Old: ${r} New: ${n}`);
    this._arr[t].priority = n, this._decrease(t);
  }
  _heapify(e) {
    let n = this._arr, t = 2 * e, r = t + 1, o = e;
    t < n.length && (o = n[t].priority < n[o].priority ? t : o, r < n.length && (o = n[r].priority < n[o].priority ? r : o), o !== e && (this._swap(e, o), this._heapify(o)));
  }
  _decrease(e) {
    let n = this._arr, t = n[e].priority, r;
    for (; e !== 0 && (r = e >> 1, !(n[r].priority < t)); ) this._swap(e, r), e = r;
  }
  _swap(e, n) {
    let t = this._arr, r = this._keyIndices, o = t[e], i = t[n];
    t[e] = i, t[n] = o, r[i.key] = e, r[o.key] = n;
  }
};
var Hn = /* @__PURE__ */ __name(() => 1, "Hn");
function J(e, n, t, r) {
  let o = /* @__PURE__ */ __name(function(i) {
    var s;
    return (s = e.outEdges(i)) != null ? s : [];
  }, "o");
  return qn(e, String(n), t || Hn, r || o);
}
__name(J, "J");
function qn(e, n, t, r) {
  let o = {}, i = new Pe(), s, a, l = /* @__PURE__ */ __name(function(u) {
    let d = u.v !== s ? u.v : u.w, c = o[d];
    if (!c) return;
    let f = t(u), h = a.distance + f;
    if (f < 0) throw new Error("dijkstra does not allow negative edge weights. Bad edge: " + u + " Weight: " + f);
    h < c.distance && (c.distance = h, c.predecessor = s, i.decrease(d, h));
  }, "l");
  for (e.nodes().forEach(function(u) {
    let d = u === n ? 0 : Number.POSITIVE_INFINITY;
    o[u] = { distance: d, predecessor: "" }, i.add(u, d);
  }); i.size() > 0; ) {
    s = i.removeMin();
    let u = o[s];
    if (!u || u.distance === Number.POSITIVE_INFINITY) break;
    a = u, r(s).forEach(l);
  }
  return o;
}
__name(qn, "qn");
function $n(e, n, t) {
  return e.nodes().reduce(function(r, o) {
    return r[o] = J(e, o, n, t), r;
  }, {});
}
__name($n, "$n");
function Fe(e) {
  let n = 0, t = [], r = {}, o = [];
  function i(s) {
    var a;
    let l = r[s] = { onStack: true, lowlink: n, index: n++ };
    if (t.push(s), (a = e.successors(s)) == null || a.forEach(function(u) {
      if (u in r) {
        let d = r[u];
        d != null && d.onStack && (l.lowlink = Math.min(l.lowlink, d.index));
      } else {
        i(u);
        let d = r[u];
        d && (l.lowlink = Math.min(l.lowlink, d.lowlink));
      }
    }), l.lowlink === l.index) {
      let u = [], d;
      do {
        d = t.pop();
        let c = r[d];
        c && (c.onStack = false), u.push(d);
      } while (s !== d);
      o.push(u);
    }
  }
  __name(i, "i");
  return e.nodes().forEach(function(s) {
    s in r || i(s);
  }), o;
}
__name(Fe, "Fe");
function Un(e) {
  return Fe(e).filter(function(n) {
    var t;
    let r = n[0];
    return r ? n.length > 1 || n.length === 1 && ((t = e.outEdges(r, r)) != null ? t : []).length > 0 : false;
  });
}
__name(Un, "Un");
var Jn = /* @__PURE__ */ __name(() => 1, "Jn");
function Kn(e, n, t) {
  return Qn(e, n || Jn, t || function(r) {
    var o;
    return (o = e.outEdges(r)) != null ? o : [];
  });
}
__name(Kn, "Kn");
function Qn(e, n, t) {
  let r = {}, o = e.nodes();
  return o.forEach(function(i) {
    let s = {};
    r[i] = s, s[i] = { distance: 0, predecessor: "" }, o.forEach(function(a) {
      i !== a && (s[a] = { distance: Number.POSITIVE_INFINITY, predecessor: "" });
    }), t(i).forEach(function(a) {
      let l = a.v === i ? a.w : a.v, u = n(a);
      s[l] = { distance: u, predecessor: i };
    });
  }), o.forEach(function(i) {
    let s = r[i];
    s && o.forEach(function(a) {
      let l = r[a];
      l && o.forEach(function(u) {
        let d = l[i], c = s[u], f = l[u];
        if (d && c && f) {
          let h = d.distance + c.distance;
          h < f.distance && (f.distance = h, f.predecessor = c.predecessor);
        }
      });
    });
  }), r;
}
__name(Qn, "Qn");
var K = class extends Error {
  static {
    __name(this, "K");
  }
  constructor(e) {
    super(e), this.name = "CycleException";
  }
};
function De(e) {
  let n = {}, t = {}, r = [];
  function o(i) {
    var s;
    if (i in t) throw new K();
    i in n || (t[i] = true, n[i] = true, (s = e.predecessors(i)) == null || s.forEach(o), delete t[i], r.push(i));
  }
  __name(o, "o");
  if (e.sinks().forEach(o), Object.keys(n).length !== e.nodeCount()) throw new K();
  return r;
}
__name(De, "De");
function Zn(e) {
  try {
    De(e);
  } catch (n) {
    if (n instanceof K) return false;
    throw n;
  }
  return true;
}
__name(Zn, "Zn");
function et(e, n, t, r, o) {
  Array.isArray(n) || (n = [n]);
  let i = /* @__PURE__ */ __name(((a) => {
    var l;
    return (l = e.isDirected() ? e.successors(a) : e.neighbors(a)) != null ? l : [];
  }), "i"), s = {};
  return n.forEach(function(a) {
    if (!e.hasNode(a)) throw new Error("Graph does not have node: " + a);
    o = Ae(e, a, t === "post", s, i, r, o);
  }), o;
}
__name(et, "et");
function Ae(e, n, t, r, o, i, s) {
  return n in r || (r[n] = true, t || (s = i(s, n)), o(n).forEach(function(a) {
    s = Ae(e, a, t, r, o, i, s);
  }), t && (s = i(s, n))), s;
}
__name(Ae, "Ae");
function Ve(e, n, t) {
  return et(e, n, t, function(r, o) {
    return r.push(o), r;
  }, []);
}
__name(Ve, "Ve");
function nt(e, n) {
  return Ve(e, n, "post");
}
__name(nt, "nt");
function tt(e, n) {
  return Ve(e, n, "pre");
}
__name(tt, "tt");
function rt(e, n) {
  var t;
  let r = new Q(), o = {}, i = new Pe(), s;
  function a(d) {
    let c = d.v === s ? d.w : d.v, f = i.priority(c);
    if (f !== void 0) {
      let h = n(d);
      h < f && (o[c] = s, i.decrease(c, h));
    }
  }
  __name(a, "a");
  if (e.nodeCount() === 0) return r;
  e.nodes().forEach(function(d) {
    i.add(d, Number.POSITIVE_INFINITY), r.setNode(d);
  });
  let l = e.nodes()[0];
  l !== void 0 && i.decrease(l, 0);
  let u = false;
  for (; i.size() > 0; ) {
    if (s = i.removeMin(), s in o) r.setEdge(s, o[s]);
    else {
      if (u) throw new Error("Input graph is not connected: " + e);
      u = true;
    }
    (t = e.nodeEdges(s)) == null || t.forEach(a);
  }
  return r;
}
__name(rt, "rt");
function ot(e, n, t, r) {
  return it(e, n, t, r != null ? r : ((o) => {
    var i;
    return (i = e.outEdges(o)) != null ? i : [];
  }));
}
__name(ot, "ot");
function it(e, n, t, r) {
  if (t === void 0) return J(e, n, t, r);
  let o = false, i = e.nodes();
  for (let s = 0; s < i.length; s++) {
    let a = i[s];
    if (a === void 0) continue;
    let l = r(a);
    for (let u = 0; u < l.length; u++) {
      let d = l[u];
      if (!d) continue;
      let c = d.v === a ? d.v : d.w, f = c === d.v ? d.w : d.v;
      t({ v: c, w: f }) < 0 && (o = true);
    }
    if (o) return Me(e, n, t, r);
  }
  return J(e, n, t, r);
}
__name(it, "it");
var T = Q;
function M(e, n, t, r) {
  let o = r;
  for (; e.hasNode(o); ) o = $(r);
  return t.dummy = n, e.setNode(o, t), o;
}
__name(M, "M");
function Ye(e) {
  let n = new T().setGraph(e.graph());
  return e.nodes().forEach((t) => n.setNode(t, e.node(t))), e.edges().forEach((t) => {
    let r = n.edge(t.v, t.w) || { weight: 0, minlen: 1 }, o = e.edge(t);
    n.setEdge(t.v, t.w, { weight: r.weight + o.weight, minlen: Math.max(r.minlen, o.minlen) });
  }), n;
}
__name(Ye, "Ye");
function Z(e) {
  let n = new T({ multigraph: e.isMultigraph() }).setGraph(e.graph());
  return e.nodes().forEach((t) => {
    e.children(t).length || n.setNode(t, e.node(t));
  }), e.edges().forEach((t) => {
    n.setEdge(t, e.edge(t));
  }), n;
}
__name(Z, "Z");
function se(e, n) {
  let t = e.x, r = e.y, o = n.x - t, i = n.y - r, s = e.width / 2, a = e.height / 2;
  if (!o && !i) throw new Error("Not possible to find intersection inside of the rectangle");
  let l, u;
  return o === 0 || Math.abs(i) * s > Math.abs(o) * a ? (i < 0 && (a = -a), l = a * o / i, u = a) : (o < 0 && (s = -s), l = s, u = s * i / o), { x: t + l, y: r + u };
}
__name(se, "se");
function P(e) {
  let n = D(de(e) + 1).map(() => []);
  return e.nodes().forEach((t) => {
    let r = e.node(t), o = r.rank;
    o !== void 0 && (n[o] || (n[o] = []), n[o][r.order] = t);
  }), n;
}
__name(P, "P");
function Be(e) {
  let n = e.nodes().map((r) => {
    let o = e.node(r).rank;
    return o === void 0 ? Number.MAX_VALUE : o;
  }), t = S(Math.min, n);
  e.nodes().forEach((r) => {
    let o = e.node(r);
    Object.hasOwn(o, "rank") && (o.rank -= t);
  });
}
__name(Be, "Be");
function We(e) {
  let n = e.nodes().map((s) => e.node(s).rank).filter((s) => s !== void 0), t = S(Math.min, n), r = [];
  e.nodes().forEach((s) => {
    let a = e.node(s).rank - t;
    r[a] || (r[a] = []), r[a].push(s);
  });
  let o = 0, i = e.graph().nodeRankFactor;
  Array.from(r).forEach((s, a) => {
    s === void 0 && a % i !== 0 ? --o : s !== void 0 && o && s.forEach((l) => e.node(l).rank += o);
  });
}
__name(We, "We");
function ae(e, n, t, r) {
  let o = { width: 0, height: 0 };
  return arguments.length >= 4 && (o.rank = t, o.order = r), M(e, "border", o, n);
}
__name(ae, "ae");
function st(e, n = Xe) {
  let t = [];
  for (let r = 0; r < e.length; r += n) {
    let o = e.slice(r, r + n);
    t.push(o);
  }
  return t;
}
__name(st, "st");
var Xe = 65535;
function S(e, n) {
  if (n.length > Xe) {
    let t = st(n);
    return e(...t.map((r) => e(...r)));
  } else return e(...n);
}
__name(S, "S");
function de(e) {
  let t = e.nodes().map((r) => {
    let o = e.node(r).rank;
    return o === void 0 ? Number.MIN_VALUE : o;
  });
  return S(Math.max, t);
}
__name(de, "de");
function ze(e, n) {
  let t = { lhs: [], rhs: [] };
  return e.forEach((r) => {
    n(r) ? t.lhs.push(r) : t.rhs.push(r);
  }), t;
}
__name(ze, "ze");
function le(e, n) {
  let t = Date.now();
  try {
    return n();
  } finally {
    console.log(e + " time: " + (Date.now() - t) + "ms");
  }
}
__name(le, "le");
function q(e, n) {
  return n();
}
__name(q, "q");
var at = 0;
function $(e) {
  let n = ++at;
  return e + ("" + n);
}
__name($, "$");
function D(e, n, t = 1) {
  n == null && (n = e, e = 0);
  let r = /* @__PURE__ */ __name((i) => i < n, "r");
  t < 0 && (r = /* @__PURE__ */ __name((i) => n < i, "r"));
  let o = [];
  for (let i = e; r(i); i += t) o.push(i);
  return o;
}
__name(D, "D");
function W2(e, n) {
  let t = {};
  for (let r of n) e[r] !== void 0 && (t[r] = e[r]);
  return t;
}
__name(W2, "W");
function X(e, n) {
  let t;
  return typeof n == "string" ? t = /* @__PURE__ */ __name((r) => r[n], "t") : t = n, Object.entries(e).reduce((r, [o, i]) => (r[o] = t(i, o), r), {});
}
__name(X, "X");
function He(e, n) {
  return e.reduce((t, r, o) => (t[r] = n[o], t), {});
}
__name(He, "He");
var V = "\0";
function ee(e, n, t) {
  var u, d, c, f, h, g;
  if (!(e && n && t && n.dummy === "edge" && t.dummy === "edge" && n.edgeObj && t.edgeObj && e[n.edgeObj.v] && e[t.edgeObj.v] && e[n.edgeObj.w] && e[t.edgeObj.w])) return 0;
  let r = true;
  n.edgeObj.w === t.edgeObj.w && (r = false);
  let o = r ? (d = (u = e[n.edgeObj.v]) == null ? void 0 : u.rank) != null ? d : NaN + 1 : (f = (c = e[n.edgeObj.w]) == null ? void 0 : c.rank) != null ? f : NaN - 1, i = Object.entries(e).find((m) => {
    var L, y;
    return ((L = m[1].edgeObj) == null ? void 0 : L.v) === n.edgeObj.v && ((y = m[1].edgeObj) == null ? void 0 : y.w) === n.edgeObj.w && m[1].rank === o;
  }), s = Object.entries(e).find((m) => {
    var L, y;
    return ((L = m[1].edgeObj) == null ? void 0 : L.v) === t.edgeObj.v && ((y = m[1].edgeObj) == null ? void 0 : y.w) === t.edgeObj.w && m[1].rank === o;
  });
  if (!i || !s) return 0;
  let a = (h = i[1].order) != null ? h : NaN, l = (g = s[1].order) != null ? g : NaN;
  return isNaN(a - l) ? 0 : a - l;
}
__name(ee, "ee");
var ue = "3.1.3";
var ce = class {
  static {
    __name(this, "ce");
  }
  constructor() {
    je(this, "_sentinel");
    let n = {};
    n._next = n._prev = n, this._sentinel = n;
  }
  dequeue() {
    let n = this._sentinel, t = n._prev;
    if (t !== n) return qe(t), t;
  }
  enqueue(n) {
    let t = this._sentinel;
    n._prev && n._next && qe(n), n._next = t._next, t._next._prev = n, t._next = n, n._prev = t;
  }
  toString() {
    let n = [], t = this._sentinel, r = t._prev;
    for (; r !== t; ) n.push(JSON.stringify(r, dt)), r = r._prev;
    return "[" + n.join(", ") + "]";
  }
};
function qe(e) {
  e._prev._next = e._next, e._next._prev = e._prev, delete e._next, delete e._prev;
}
__name(qe, "qe");
function dt(e, n) {
  if (e !== "_next" && e !== "_prev") return n;
}
__name(dt, "dt");
var $e = ce;
var lt = /* @__PURE__ */ __name(() => 1, "lt");
function be(e, n) {
  if (e.nodeCount() <= 1) return [];
  let t = ct(e, n || lt);
  return ut(t.graph, t.buckets, t.zeroIdx).flatMap((o) => e.outEdges(o.v, o.w) || []);
}
__name(be, "be");
function ut(e, n, t) {
  var a;
  let r = [], o = n[n.length - 1], i = n[0], s;
  for (; e.nodeCount(); ) {
    for (; s = i.dequeue(); ) fe(e, n, t, s);
    for (; s = o.dequeue(); ) fe(e, n, t, s);
    if (e.nodeCount()) {
      for (let l = n.length - 2; l > 0; --l) if (s = (a = n[l]) == null ? void 0 : a.dequeue(), s) {
        r = r.concat(fe(e, n, t, s, true) || []);
        break;
      }
    }
  }
  return r;
}
__name(ut, "ut");
function fe(e, n, t, r, o) {
  let i = [], s = o ? i : void 0;
  return (e.inEdges(r.v) || []).forEach((a) => {
    let l = e.edge(a), u = e.node(a.v);
    o && i.push({ v: a.v, w: a.w }), u.out -= l, he(n, t, u);
  }), (e.outEdges(r.v) || []).forEach((a) => {
    let l = e.edge(a), u = a.w, d = e.node(u);
    d.in -= l, he(n, t, d);
  }), e.removeNode(r.v), s;
}
__name(fe, "fe");
function ct(e, n) {
  let t = new T(), r = 0, o = 0;
  e.nodes().forEach((a) => {
    t.setNode(a, { v: a, in: 0, out: 0 });
  }), e.edges().forEach((a) => {
    let l = t.edge(a.v, a.w) || 0, u = n(a), d = l + u;
    t.setEdge(a.v, a.w, d);
    let c = t.node(a.v), f = t.node(a.w);
    o = Math.max(o, c.out += u), r = Math.max(r, f.in += u);
  });
  let i = ft(o + r + 3).map(() => new $e()), s = r + 1;
  return t.nodes().forEach((a) => {
    he(i, s, t.node(a));
  }), { graph: t, buckets: i, zeroIdx: s };
}
__name(ct, "ct");
function he(e, n, t) {
  var r, o, i;
  t.out ? t.in ? (i = e[t.out - t.in + n]) == null || i.enqueue(t) : (o = e[e.length - 1]) == null || o.enqueue(t) : (r = e[0]) == null || r.enqueue(t);
}
__name(he, "he");
function ft(e) {
  let n = [];
  for (let t = 0; t < e; t++) n.push(t);
  return n;
}
__name(ft, "ft");
function Ue(e, n) {
  (e.graph().acyclicer === "greedy" ? be(e, r(e)) : ht(e, n != null ? n : null)).forEach((o) => {
    let i = e.edge(o);
    e.removeEdge(o), i.forwardName = o.name, i.reversed = true, e.setEdge(o.w, o.v, i, $("rev"));
  });
  function r(o) {
    return (i) => o.edge(i).weight;
  }
  __name(r, "r");
}
__name(Ue, "Ue");
function ht(e, n) {
  let t = [], r = {}, o = {};
  function i(l) {
    Object.hasOwn(o, l) || (o[l] = true, r[l] = true, e.outEdges(l).forEach((u) => {
      Object.hasOwn(r, u.w) ? t.push(u) : i(u.w);
    }), delete r[l]);
  }
  __name(i, "i");
  function s(l) {
    var u;
    Object.hasOwn(o, l) || (o[l] = true, r[l] = true, (u = e.outEdges(l)) == null || u.forEach((d) => {
      var c, f;
      Object.hasOwn(r, d.w) || ((c = n.node(l)) == null ? void 0 : c.rank) > ((f = n.node(d.w)) == null ? void 0 : f.rank) && bt(e, d.w, d) ? t.push(d) : s(d.w);
    }), delete r[l]);
  }
  __name(s, "s");
  let a = i;
  return n && typeof n.node == "function" && (a = s), e.sources().forEach(a), e.nodes().forEach(a), t;
}
__name(ht, "ht");
function Je(e) {
  e.edges().forEach((n) => {
    let t = e.edge(n);
    if (t.reversed) {
      e.removeEdge(n);
      let r = t.forwardName;
      delete t.reversed, delete t.forwardName, e.setEdge(n.w, n.v, t, r);
    }
  });
}
__name(Je, "Je");
function bt(e, n, t) {
  let r = /* @__PURE__ */ new Set();
  function o(i) {
    var s;
    if (e.sources().includes(i)) return true;
    r.add(i);
    for (let a of (s = e.inEdges(i)) != null ? s : []) if (!(a.v === t.v && a.w === t.w) && !r.has(a.v) && o(a.v)) return true;
    return false;
  }
  __name(o, "o");
  return o(n);
}
__name(bt, "bt");
function Ke(e) {
  e.graph().dummyChains = [], e.edges().forEach((n) => pt(e, n));
}
__name(Ke, "Ke");
function pt(e, n) {
  let t = n.v, r = e.node(t).rank, o = n.w, i = e.node(o).rank, s = n.name, a = e.edge(n), l = a.labelRank;
  if (i === r + 1) return;
  e.removeEdge(n);
  let u, d, c;
  for (c = 0, ++r; r < i; ++c, ++r) a.points = [], d = { width: 0, height: 0, edgeLabel: a, edgeObj: n, rank: r }, u = M(e, "edge", d, "_d"), r === l && (d.width = a.width, d.height = a.height, d.dummy = "edge-label", d.labelpos = a.labelpos), e.setEdge(t, u, { weight: a.weight }, s), c === 0 && e.graph().dummyChains.push(u), t = u;
  e.setEdge(t, o, { weight: a.weight }, s);
}
__name(pt, "pt");
function Qe(e) {
  e.graph().dummyChains.forEach((n) => {
    let t = e.node(n), r = t.edgeLabel, o;
    for (e.setEdge(t.edgeObj, r); t.dummy; ) o = e.successors(n)[0], e.removeNode(n), r.points.push({ x: t.x, y: t.y }), t.dummy === "edge-label" && (r.x = t.x, r.y = t.y, r.width = t.width, r.height = t.height), n = o, t = e.node(n);
  });
}
__name(Qe, "Qe");
function U(e) {
  let n = {};
  function t(r) {
    let o = e.node(r);
    if (Object.hasOwn(n, r)) return o.rank;
    n[r] = true;
    let i = e.outEdges(r), s = i ? i.map((l) => l == null ? Number.POSITIVE_INFINITY : t(l.w) - e.edge(l).minlen) : [], a = S(Math.min, s);
    return a === Number.POSITIVE_INFINITY && (a = 0), o.rank = a;
  }
  __name(t, "t");
  e.sources().forEach(t);
}
__name(U, "U");
function A(e, n) {
  return e.node(n.w).rank - e.node(n.v).rank - e.edge(n).minlen;
}
__name(A, "A");
var ne = Et;
function Et(e) {
  let n = new T({ directed: false }), t = e.nodes();
  if (t.length === 0) throw new Error("Graph must have at least one node");
  let r = t[0], o = e.nodeCount();
  n.setNode(r, {});
  let i, s;
  for (; Lt(n, e) < o && (i = yt(n, e), !!i); ) s = n.hasNode(i.v) ? A(e, i) : -A(e, i), wt(n, e, s);
  return n;
}
__name(Et, "Et");
function Lt(e, n) {
  function t(r) {
    let o = n.nodeEdges(r);
    o && o.forEach((i) => {
      let s = i.v, a = r === s ? i.w : s;
      !e.hasNode(a) && !A(n, i) && (e.setNode(a, {}), e.setEdge(r, a, {}), t(a));
    });
  }
  __name(t, "t");
  return e.nodes().forEach(t), e.nodeCount();
}
__name(Lt, "Lt");
function yt(e, n) {
  return n.edges().reduce((r, o) => {
    let i = Number.POSITIVE_INFINITY;
    return e.hasNode(o.v) !== e.hasNode(o.w) && (i = A(n, o)), i < r[0] ? [i, o] : r;
  }, [Number.POSITIVE_INFINITY, null])[1];
}
__name(yt, "yt");
function wt(e, n, t) {
  e.nodes().forEach((r) => n.node(r).rank += t);
}
__name(wt, "wt");
var { preorder: Nt, postorder: Gt } = H2;
var en = Y;
Y.initLowLimValues = pe;
Y.initCutValues = ge;
Y.calcCutValue = nn;
Y.leaveEdge = rn;
Y.enterEdge = on;
Y.exchangeEdges = sn;
function Y(e) {
  e = Ye(e), U(e);
  let n = ne(e);
  pe(n), ge(n, e);
  let t, r;
  for (; t = rn(n); ) r = on(n, e, t), sn(n, e, t, r);
}
__name(Y, "Y");
function ge(e, n) {
  let t = Gt(e, e.nodes());
  t = t.slice(0, t.length - 1), t.forEach((r) => vt(e, n, r));
}
__name(ge, "ge");
function vt(e, n, t) {
  let o = e.node(t).parent, i = e.edge(t, o);
  i.cutvalue = nn(e, n, t);
}
__name(vt, "vt");
function nn(e, n, t) {
  let o = e.node(t).parent, i = true, s = n.edge(t, o), a = 0;
  s || (i = false, s = n.edge(o, t)), a = s.weight;
  let l = n.nodeEdges(t);
  return l && l.forEach((u) => {
    let d = u.v === t, c = d ? u.w : u.v;
    if (c !== o) {
      let f = d === i, h = n.edge(u).weight;
      if (a += f ? h : -h, xt(e, t, c)) {
        let m = e.edge(t, c).cutvalue;
        a += f ? -m : m;
      }
    }
  }), a;
}
__name(nn, "nn");
function pe(e, n) {
  arguments.length < 2 && (n = e.nodes()[0]), tn(e, {}, 1, n);
}
__name(pe, "pe");
function tn(e, n, t, r, o) {
  let i = t, s = e.node(r);
  n[r] = true;
  let a = e.neighbors(r);
  return a && a.forEach((l) => {
    Object.hasOwn(n, l) || (t = tn(e, n, t, l, r));
  }), s.low = i, s.lim = t++, o ? s.parent = o : delete s.parent, t;
}
__name(tn, "tn");
function rn(e) {
  return e.edges().find((n) => e.edge(n).cutvalue < 0);
}
__name(rn, "rn");
function on(e, n, t) {
  let r = t.v, o = t.w;
  n.hasEdge(r, o) || (r = t.w, o = t.v);
  let i = e.node(r), s = e.node(o), a = i, l = false;
  return i.lim > s.lim && (a = s, l = true), n.edges().filter((d) => l === Ze(e, e.node(d.v), a) && l !== Ze(e, e.node(d.w), a)).reduce((d, c) => A(n, c) < A(n, d) ? c : d);
}
__name(on, "on");
function sn(e, n, t, r) {
  let o = t.v, i = t.w;
  e.removeEdge(o, i), e.setEdge(r.v, r.w, {}), pe(e), ge(e, n), kt(e, n);
}
__name(sn, "sn");
function kt(e, n) {
  let t = e.nodes().find((o) => !e.node(o).parent);
  if (!t) return;
  let r = Nt(e, [t]);
  r = r.slice(1), r.forEach((o) => {
    let s = e.node(o).parent, a = n.edge(o, s), l = false;
    a || (a = n.edge(s, o), l = true), n.node(o).rank = n.node(s).rank + (l ? a.minlen : -a.minlen);
  });
}
__name(kt, "kt");
function xt(e, n, t) {
  return e.hasEdge(n, t);
}
__name(xt, "xt");
function Ze(e, n, t) {
  return t.low <= n.lim && n.lim <= t.lim;
}
__name(Ze, "Ze");
var dn = _t;
function _t(e) {
  let n = e.graph().ranker;
  if (typeof n == "function") return n(e);
  switch (n) {
    case "network-simplex":
      an(e);
      break;
    case "tight-tree":
      Ct(e);
      break;
    case "longest-path":
      Ot(e);
      break;
    case "none":
      break;
    default:
      an(e);
  }
}
__name(_t, "_t");
var Ot = U;
function Ct(e) {
  U(e), ne(e);
}
__name(Ct, "Ct");
function an(e) {
  en(e);
}
__name(an, "an");
var ln = Tt;
function Tt(e) {
  let n = Rt(e), t = e.graph();
  if (!Array.isArray(t.dummyChains)) return;
  t.dummyChains.forEach((o) => {
    let i = e.node(o), s = i.edgeObj, a = jt(e, n, s.v, s.w), l = a.path, u = a.lca, d = 0, c = l[d], f = true;
    for (; o !== s.w; ) {
      if (i = e.node(o), f) {
        for (; (c = l[d]) !== u && e.node(c).maxRank < i.rank; ) d++;
        c === u && (f = false);
      }
      if (!f) {
        for (; d < l.length - 1 && e.node(l[d + 1]).minRank <= i.rank; ) d++;
        c = l[d];
      }
      c !== void 0 && e.setParent(o, c), o = e.successors(o)[0];
    }
  });
}
__name(Tt, "Tt");
function jt(e, n, t, r) {
  let o = [], i = [], s = Math.min(n[t].low, n[r].low), a = Math.max(n[t].lim, n[r].lim), l;
  l = t;
  do
    l = e.parent(l), o.push(l);
  while (l && (n[l].low > s || a > n[l].lim));
  let u = l, d = r;
  for (; (d = e.parent(d)) !== u; ) i.push(d);
  return { path: o.concat(i.reverse()), lca: u };
}
__name(jt, "jt");
function Rt(e) {
  let n = {}, t = 0;
  function r(o) {
    let i = t;
    e.children(o).forEach(r), n[o] = { low: i, lim: t++ };
  }
  __name(r, "r");
  return e.children(V).forEach(r), n;
}
__name(Rt, "Rt");
function un(e) {
  let n = M(e, "root", {}, "_root"), t = It(e), r = Object.values(t), o = S(Math.max, r) - 1, i = 2 * o + 1;
  e.graph().nestingRoot = n, e.edges().forEach((a) => e.edge(a).minlen *= i);
  let s = St(e) + 1;
  e.children(V).forEach((a) => {
    cn(e, n, i, s, o, t, a);
  }), e.graph().nodeRankFactor = i;
}
__name(un, "un");
function cn(e, n, t, r, o, i, s) {
  var c;
  let a = e.children(s);
  if (!a.length) {
    s !== n && e.setEdge(n, s, { weight: 0, minlen: t });
    return;
  }
  let l = ae(e, "_bt"), u = ae(e, "_bb"), d = e.node(s);
  e.setParent(l, s), d.borderTop = l, e.setParent(u, s), d.borderBottom = u, a.forEach((f) => {
    var b;
    cn(e, n, t, r, o, i, f);
    let h = e.node(f), g = h.borderTop ? h.borderTop : f, m = h.borderBottom ? h.borderBottom : f, L = h.borderTop ? r : 2 * r, y = g !== m ? 1 : o - ((b = i[s]) != null ? b : 0) + 1;
    e.setEdge(l, g, { weight: L, minlen: y, nestingEdge: true }), e.setEdge(m, u, { weight: L, minlen: y, nestingEdge: true });
  }), e.parent(s) || e.setEdge(n, l, { weight: 0, minlen: o + ((c = i[s]) != null ? c : 0) });
}
__name(cn, "cn");
function It(e) {
  let n = {};
  function t(r, o) {
    let i = e.children(r);
    i && i.length && i.forEach((s) => t(s, o + 1)), n[r] = o;
  }
  __name(t, "t");
  return e.children(V).forEach((r) => t(r, 1)), n;
}
__name(It, "It");
function St(e) {
  return e.edges().reduce((n, t) => n + e.edge(t).weight, 0);
}
__name(St, "St");
function fn(e) {
  let n = e.graph();
  e.removeNode(n.nestingRoot), delete n.nestingRoot, e.edges().forEach((t) => {
    e.edge(t).nestingEdge && e.removeEdge(t);
  });
}
__name(fn, "fn");
var bn = Pt;
function Pt(e) {
  function n(t) {
    let r = e.children(t), o = e.node(t);
    if (r.length && r.forEach(n), o && Object.hasOwn(o, "minRank")) {
      o.borderLeft = [], o.borderRight = [];
      for (let i = o.minRank, s = o.maxRank + 1; i < s; ++i) hn(e, "borderLeft", "_bl", t, o, i), hn(e, "borderRight", "_br", t, o, i);
    }
  }
  __name(n, "n");
  e.children(V).forEach(n);
}
__name(Pt, "Pt");
function hn(e, n, t, r, o, i) {
  let s = { width: 0, height: 0, rank: i, borderType: n }, a = o[n][i - 1], l = M(e, "border", s, t);
  o[n][i] = l, e.setParent(l, r), a && e.setEdge(a, l, { weight: 1 });
}
__name(hn, "hn");
function pn(e) {
  var t;
  let n = (t = e.graph().rankdir) == null ? void 0 : t.toLowerCase();
  (n === "lr" || n === "rl") && En(e);
}
__name(pn, "pn");
function mn(e) {
  var t;
  let n = (t = e.graph().rankdir) == null ? void 0 : t.toLowerCase();
  (n === "bt" || n === "rl") && Ft(e), (n === "lr" || n === "rl") && (Dt(e), En(e));
}
__name(mn, "mn");
function En(e) {
  e.nodes().forEach((n) => gn(e.node(n))), e.edges().forEach((n) => gn(e.edge(n)));
}
__name(En, "En");
function gn(e) {
  let n = e.width;
  e.width = e.height, e.height = n;
}
__name(gn, "gn");
function Ft(e) {
  e.nodes().forEach((n) => me(e.node(n))), e.edges().forEach((n) => {
    var r;
    let t = e.edge(n);
    (r = t.points) == null || r.forEach(me), Object.hasOwn(t, "y") && me(t);
  });
}
__name(Ft, "Ft");
function me(e) {
  e.y = -e.y;
}
__name(me, "me");
function Dt(e) {
  e.nodes().forEach((n) => Ee(e.node(n))), e.edges().forEach((n) => {
    var r;
    let t = e.edge(n);
    (r = t.points) == null || r.forEach(Ee), Object.hasOwn(t, "x") && Ee(t);
  });
}
__name(Dt, "Dt");
function Ee(e) {
  let n = e.x;
  e.x = e.y, e.y = n;
}
__name(Ee, "Ee");
function Le(e, n = null) {
  let t = {}, r = e.nodes().filter((d) => !e.children(d).length), o = r.map((d) => e.node(d).rank), i = S(Math.max, o), s = D(i + 1).map(() => []);
  function a(d) {
    if (t[d]) return;
    t[d] = true;
    let c = e.node(d);
    s[c.rank].push(d);
    let f = e.successors(d);
    f && [...f].sort((g, m) => u(g, m)).forEach(a);
  }
  __name(a, "a");
  r.sort((d, c) => e.node(d).rank - e.node(c).rank).forEach(a);
  function u(d, c) {
    let f = e.node(d), h = e.node(c);
    return ee(n, f, h);
  }
  __name(u, "u");
  return s;
}
__name(Le, "Le");
function ye(e, n) {
  let t = 0;
  for (let r = 1; r < n.length; ++r) t += Vt(e, n[r - 1], n[r]);
  return t;
}
__name(ye, "ye");
function Vt(e, n, t) {
  let r = He(t, t.map((u, d) => d)), o = n.flatMap((u) => {
    let d = e.outEdges(u);
    return d ? d.map((c) => ({ pos: r[c.w], weight: e.edge(c).weight })).sort((c, f) => c.pos - f.pos) : [];
  }), i = 1;
  for (; i < t.length; ) i <<= 1;
  let s = 2 * i - 1;
  i -= 1;
  let a = new Array(s).fill(0), l = 0;
  return o.forEach((u) => {
    let d = u.pos + i;
    a[d] += u.weight;
    let c = 0;
    for (; d > 0; ) d % 2 && (c += a[d + 1]), d = d - 1 >> 1, a[d] += u.weight;
    l += u.weight * c;
  }), l;
}
__name(Vt, "Vt");
function we(e, n = []) {
  return n.map((t) => {
    let r = e.inEdges(t);
    if (!r || !r.length) return { v: t };
    {
      let o = r.reduce((i, s) => {
        let a = e.edge(s), l = e.node(s.v);
        return { sum: i.sum + a.weight * l.order, weight: i.weight + a.weight };
      }, { sum: 0, weight: 0 });
      return { v: t, barycenter: o.sum / o.weight, weight: o.weight };
    }
  });
}
__name(we, "we");
function Ne(e, n) {
  let t = {};
  e.forEach((o, i) => {
    let s = { indegree: 0, in: [], out: [], vs: [o.v], i };
    o.barycenter !== void 0 && (s.barycenter = o.barycenter, s.weight = o.weight), t[o.v] = s;
  }), n.edges().forEach((o) => {
    let i = t[o.v], s = t[o.w];
    i !== void 0 && s !== void 0 && (s.indegree++, i.out.push(s));
  });
  let r = Object.values(t).filter((o) => !o.indegree);
  return Yt(r);
}
__name(Ne, "Ne");
function Yt(e) {
  let n = [];
  function t(o) {
    return (i) => {
      i.merged || (i.barycenter === void 0 || o.barycenter === void 0 || i.barycenter >= o.barycenter) && Bt(o, i);
    };
  }
  __name(t, "t");
  function r(o) {
    return (i) => {
      i.in.push(o), --i.indegree === 0 && e.push(i);
    };
  }
  __name(r, "r");
  for (; e.length; ) {
    let o = e.pop();
    n.push(o), o.in.reverse().forEach(t(o)), o.out.forEach(r(o));
  }
  return n.filter((o) => !o.merged).map((o) => W2(o, ["vs", "i", "barycenter", "weight"]));
}
__name(Yt, "Yt");
function Bt(e, n) {
  let t = 0, r = 0;
  e.weight && (t += e.barycenter * e.weight, r += e.weight), n.weight && (t += n.barycenter * n.weight, r += n.weight), e.vs = n.vs.concat(e.vs), e.barycenter = t / r, e.weight = r, e.i = Math.min(n.i, e.i), n.merged = true;
}
__name(Bt, "Bt");
function Ge(e, n, t, r, o) {
  let i = {}, s = null, a = null, l = o;
  typeof n == "boolean" ? (l = n, i = {}) : n && (i = n, s = t != null ? t : null, a = r != null ? r : null);
  let u = ze(e, (y) => Object.hasOwn(y, "barycenter")), d = u.lhs, c = u.rhs.sort((y, b) => b.i - y.i), f = [], h = 0, g = 0, m = 0;
  d.sort(Wt(a, s, !!l));
  for (let [y, b] of Object.entries(i)) {
    let p = d.findIndex((E) => E.vs[0] === y);
    d.splice(p + 1, 0, b);
  }
  m = Ln(f, c, m), d.forEach((y) => {
    m += y.vs.length, f.push(y.vs), h += y.barycenter * y.weight, g += y.weight, m = Ln(f, c, m);
  });
  let L = { vs: f.flat(1) };
  return g && (L.barycenter = h / g, L.weight = g), L;
}
__name(Ge, "Ge");
function Ln(e, n, t) {
  let r;
  for (; n.length && (r = n[n.length - 1]).i <= t; ) n.pop(), e.push(r.vs), t++;
  return t;
}
__name(Ln, "Ln");
function Wt(e, n, t) {
  return (r, o) => {
    if (r.barycenter < o.barycenter) return -1;
    if (r.barycenter > o.barycenter) return 1;
    if (e && (typeof r.vs[0] == "string" || typeof o.vs[0] == "string")) {
      let i = e.node(r.vs[0]), s = e.node(o.vs[0]), a = ee(n, i, s);
      if (a !== 0) return a;
    }
    return t ? o.i - r.i : r.i - o.i;
  };
}
__name(Wt, "Wt");
function te(e, n, t, r, o) {
  var y, b, p, E, w, k, _, O, j, R, I;
  let i = null, s = o;
  typeof r == "boolean" ? (s = r, i = null) : r !== void 0 && (i = r);
  let a = e.children(n), l = e.node(n), u = l ? l.borderLeft : void 0, d = l ? l.borderRight : void 0, c = {};
  u && (a = a.filter((v) => v !== u && v !== d));
  let f = we(e, a);
  f.forEach((v) => {
    if (e.children(v.v).length) {
      let { result: x } = te(e, v.v, t, i, s);
      c[v.v] = x, Object.hasOwn(x, "barycenter") && zt(v, x);
    }
  });
  let h = Ne(f, t);
  Xt(h, c);
  let g = {}, m = false;
  for (let v = 0; v < h.length; v++) for (let x = v + 1; x < h.length; x++) if (!(!h[v] || !h[x] || !((y = h[v]) != null && y.barycenter) || !((b = h[x]) != null && b.barycenter)) && ((p = h[v]) == null ? void 0 : p.barycenter) === h[x].barycenter) {
    let G = (w = (E = h[v]) == null ? void 0 : E.vs[0]) != null ? w : "", N = (_ = (k = h[x]) == null ? void 0 : k.vs[0]) != null ? _ : "", C = e.node(G), B = e.node(N);
    if (C.dummy === "edge" && B.dummy === "edge" && ((O = C.edgeObj) == null ? void 0 : O.v) === ((j = B.edgeObj) == null ? void 0 : j.v) && ((R = C.edgeObj) == null ? void 0 : R.w) === ((I = B.edgeObj) == null ? void 0 : I.w)) if (C.edgeLabel.reversed) {
      g[N] = h[v], h.splice(v, 1), v--;
      break;
    } else g[G] || (g[G] = h[x], h.splice(x, 1), x--);
    else m = true;
  }
  let L = Ge(h, g, i, e, s);
  if (u && d) {
    L.vs = [u, L.vs, d].flat(1);
    let v = e.predecessors(u);
    if (v && v.length) {
      let x = e.node(v[0]), G = e.predecessors(d), N = e.node(G[0]);
      Object.hasOwn(L, "barycenter") || (L.barycenter = 0, L.weight = 0), L.barycenter = (L.barycenter * L.weight + x.order + N.order) / (L.weight + 2), L.weight += 2;
    }
  }
  return Object.defineProperty(L, "result", { value: L, enumerable: false, configurable: true, writable: true }), Object.defineProperty(L, "usedBias", { value: m, enumerable: false, configurable: true, writable: true }), L;
}
__name(te, "te");
function Xt(e, n) {
  e.forEach((t) => {
    t.vs = t.vs.flatMap((r) => n[r] ? n[r].vs : r);
  });
}
__name(Xt, "Xt");
function zt(e, n) {
  e.barycenter !== void 0 ? (e.barycenter = (e.barycenter * e.weight + n.barycenter * n.weight) / (e.weight + n.weight), e.weight += n.weight) : (e.barycenter = n.barycenter, e.weight = n.weight);
}
__name(zt, "zt");
function ve(e, n, t, r) {
  r || (r = e.nodes());
  let o = Ht(e), i = new T({ compound: true }).setGraph({ root: o }).setDefaultNodeLabel((s) => e.node(s));
  return r.forEach((s) => {
    let a = e.node(s), l = e.parent(s);
    if (a.rank === n || a.minRank <= n && n <= a.maxRank) {
      i.setNode(s), i.setParent(s, l || o);
      let u = e[t](s);
      u && u.forEach((d) => {
        let c = d.v === s ? d.w : d.v, f = i.edge(c, s), h = f !== void 0 ? f.weight : 0;
        i.setEdge(c, s, { weight: e.edge(d).weight + h });
      }), Object.hasOwn(a, "minRank") && i.setNode(s, { borderLeft: a.borderLeft[n], borderRight: a.borderRight[n] });
    }
  }), i;
}
__name(ve, "ve");
function Ht(e) {
  let n;
  for (; e.hasNode(n = $("_root")); ) ;
  return n;
}
__name(Ht, "Ht");
function ke(e, n, t) {
  let r = {}, o;
  t.forEach((i) => {
    let s = e.parent(i), a, l;
    for (; s; ) {
      if (a = e.parent(s), a ? (l = r[a], r[a] = s) : (l = o, o = s), l && l !== s) {
        n.setEdge(l, s);
        return;
      }
      s = a;
    }
  });
}
__name(ke, "ke");
function re(e, n = {}, t = null) {
  if (typeof n.customOrder == "function") {
    n.customOrder(e, re);
    return;
  }
  let r = de(e), o = yn(e, D(1, r + 1), "inEdges"), i = yn(e, D(r - 1, -1, -1), "outEdges"), s = Le(e, t);
  if (wn(e, s), n.disableOptimalOrderHeuristic) return;
  let a = Number.POSITIVE_INFINITY, l, u = n.constraints || [];
  for (let d = 0, c = 0; c < 4; ++d, ++c) {
    qt(d % 2 ? o : i, d % 4 >= 2, u, t), s = P(e);
    let f = ye(e, s);
    f < a ? (c = 0, l = Object.assign({}, s), a = f) : f === a && (l = structuredClone(s));
  }
  wn(e, l);
}
__name(re, "re");
function yn(e, n, t) {
  let r = /* @__PURE__ */ new Map(), o = /* @__PURE__ */ __name((i, s) => {
    r.has(i) || r.set(i, []), r.get(i).push(s);
  }, "o");
  for (let i of e.nodes()) {
    let s = e.node(i);
    if (typeof s.rank == "number" && o(s.rank, i), typeof s.minRank == "number" && typeof s.maxRank == "number") for (let a = s.minRank; a <= s.maxRank; a++) a !== s.rank && o(a, i);
  }
  return n.map(function(i) {
    return ve(e, i, t, r.get(i) || []);
  });
}
__name(yn, "yn");
function qt(e, n, t, r) {
  let o = true, i = new T();
  e.forEach(function(s) {
    t.forEach((d) => i.setEdge(d.left, d.right));
    let a = s.graph().root, { result: l, usedBias: u } = te(s, a, i, r, o);
    n && u && (o = !o), l.vs.forEach((d, c) => s.node(d).order = c), ke(s, i, l.vs);
  });
}
__name(qt, "qt");
function wn(e, n) {
  Object.values(n).forEach((t) => t.forEach((r, o) => e.node(r).order = o));
}
__name(wn, "wn");
function $t(e, n) {
  let t = {};
  function r(o, i) {
    let s = 0, a = 0, l = o.length, u = i[i.length - 1];
    return i.forEach((d, c) => {
      let f = Jt(e, d), h = f ? e.node(f).order : l;
      (f || d === u) && (i.slice(a, c + 1).forEach((g) => {
        let m = e.predecessors(g);
        m && m.forEach((L) => {
          let y = e.node(L), b = y.order;
          (b < s || h < b) && !(y.dummy && e.node(g).dummy) && Gn(t, L, g);
        });
      }), a = c + 1, s = h);
    }), i;
  }
  __name(r, "r");
  return n.length && n.reduce(r), t;
}
__name($t, "$t");
function Ut(e, n) {
  let t = {};
  function r(a) {
    var l;
    return ((l = e.node(a)) == null ? void 0 : l.dummy) === "border";
  }
  __name(r, "r");
  if (!e.nodes().some(r)) return t;
  function i(a, l, u, d, c) {
    D(l, u).forEach((f) => {
      let h = a[f];
      if (h !== void 0 && e.node(h).dummy) {
        let g = e.predecessors(h);
        g && g.forEach((m) => {
          if (m === void 0) return;
          let L = e.node(m);
          L.dummy && (L.order < d || L.order > c) && Gn(t, m, h);
        });
      }
    });
  }
  __name(i, "i");
  function s(a, l) {
    let u = -1, d = -1, c = 0;
    return l.forEach((f, h) => {
      if (r(f)) {
        let g = e.predecessors(f);
        if (g && g.length) {
          let m = g[0];
          if (m === void 0) return;
          d = e.node(m).order, i(l, c, h, u, d), c = h, u = d;
        }
      }
      i(l, c, l.length, d, a.length);
    }), l;
  }
  __name(s, "s");
  return n.length && n.reduce(s), t;
}
__name(Ut, "Ut");
function Jt(e, n) {
  if (e.node(n).dummy) {
    let t = e.predecessors(n);
    if (t) return t.find((r) => e.node(r).dummy);
  }
}
__name(Jt, "Jt");
function Gn(e, n, t) {
  if (n > t) {
    let o = n;
    n = t, t = o;
  }
  let r = e[n];
  r || (e[n] = r = {}), r[t] = true;
}
__name(Gn, "Gn");
function Kt(e, n, t) {
  if (n > t) {
    let o = n;
    n = t, t = o;
  }
  let r = e[n];
  return r !== void 0 && Object.hasOwn(r, t);
}
__name(Kt, "Kt");
function Qt(e, n, t, r, o) {
  let i = {}, s = {}, a = {};
  return n.forEach((l) => {
    l.forEach((u, d) => {
      i[u] = u, s[u] = u, a[u] = d;
    });
  }), n.forEach((l) => {
    let u = -1, d = -1, c = false, f = l, h = l.findIndex((g) => (o == null ? void 0 : o.includes(g)) || Nn(g, e, o));
    h > 0 && (f = [l[h], ...l.slice(0, h), ...l.slice(h + 1)], c = true), f.forEach((g) => {
      var L;
      let m = r(g);
      if (m && m.length) {
        o != null && o.includes(g) && (m = m.filter((p) => Nn(p, e, o)));
        let y = m.sort((p, E) => {
          let w = a[p], k = a[E];
          return (w !== void 0 ? w : 0) - (k !== void 0 ? k : 0);
        }), b = (y.length - 1) / 2;
        for (let p = Math.floor(b), E = Math.ceil(b); p <= E; ++p) {
          let w = y[p];
          if (w === void 0) continue;
          let k = a[w];
          if (k !== void 0 && s[g] === g && u < k && a[w] !== d && !Kt(t, g, w)) {
            let _ = i[w];
            _ !== void 0 && (s[w] = g, s[g] = i[g] = _, u = k, c && (u = -1, d = (L = a[w]) != null ? L : -1, c = false));
          }
        }
      }
    });
  }), { root: i, align: s };
}
__name(Qt, "Qt");
function Zt(e, n, t, r, o = false) {
  let i = {}, s = er(e, n, t, o), a = o ? "borderLeft" : "borderRight";
  function l(h, g) {
    let m = s.nodes().slice(), L = {}, y = m.pop();
    for (; y; ) {
      if (L[y]) h(y);
      else {
        L[y] = true, m.push(y);
        for (let b of g(y)) m.push(b);
      }
      y = m.pop();
    }
  }
  __name(l, "l");
  function u(h) {
    let g = s.inEdges(h);
    g ? i[h] = g.reduce((m, L) => {
      var p;
      let y = (p = i[L.v]) != null ? p : 0, b = s.edge(L);
      return Math.max(m, y + (b !== void 0 ? b : 0));
    }, 0) : i[h] = 0;
  }
  __name(u, "u");
  function d(h) {
    let g = s.outEdges(h), m = Number.POSITIVE_INFINITY;
    g && (m = g.reduce((y, b) => {
      let p = i[b.w], E = s.edge(b);
      return Math.min(y, (p !== void 0 ? p : 0) - (E !== void 0 ? E : 0));
    }, Number.POSITIVE_INFINITY));
    let L = e.node(h);
    m !== Number.POSITIVE_INFINITY && L.borderType !== a && (i[h] = Math.max(i[h] !== void 0 ? i[h] : 0, m));
  }
  __name(d, "d");
  function c(h) {
    return s.predecessors(h) || [];
  }
  __name(c, "c");
  function f(h) {
    return s.successors(h) || [];
  }
  __name(f, "f");
  return l(u, c), l(d, f), Object.keys(r).forEach((h) => {
    var m;
    let g = t[h];
    g !== void 0 && (i[h] = (m = i[g]) != null ? m : 0);
  }), i;
}
__name(Zt, "Zt");
function er(e, n, t, r) {
  let o = new T(), i = e.graph(), s = or(i.nodesep, i.edgesep, r);
  return n.forEach((a) => {
    let l;
    a.forEach((u) => {
      let d = t[u];
      if (d !== void 0) {
        if (o.setNode(d), l !== void 0) {
          let c = t[l];
          if (c !== void 0) {
            let f = o.edge(c, d);
            o.setEdge(c, d, Math.max(s(e, u, l), f || 0));
          }
        }
        l = u;
      }
    });
  }), o;
}
__name(er, "er");
function nr(e, n) {
  return Object.values(n).reduce((t, r) => {
    let o = Number.NEGATIVE_INFINITY, i = Number.POSITIVE_INFINITY;
    Object.entries(r).forEach(([a, l]) => {
      let u = ir(e, a) / 2;
      o = Math.max(l + u, o), i = Math.min(l - u, i);
    });
    let s = o - i;
    return s < t[0] && (t = [s, r]), t;
  }, [Number.POSITIVE_INFINITY, null])[1];
}
__name(nr, "nr");
function tr(e, n) {
  let t = Object.values(n), r = S(Math.min, t), o = S(Math.max, t);
  ["u", "d"].forEach((i) => {
    ["l", "r"].forEach((s) => {
      let a = i + s, l = e[a];
      if (!l || l === n) return;
      let u = Object.values(l), d = r - S(Math.min, u);
      s !== "l" && (d = o - S(Math.max, u)), d && (e[a] = X(l, (c) => c + d));
    });
  });
}
__name(tr, "tr");
function rr(e, n = void 0) {
  let t = e.ul;
  return t ? X(t, (r, o) => {
    var s, a;
    if (n) {
      let l = n.toLowerCase(), u = e[l];
      if (u && u[o] !== void 0) return u[o];
    }
    let i = Object.values(e).map((l) => {
      let u = l[o];
      return u !== void 0 ? u : 0;
    }).sort((l, u) => l - u);
    return (((s = i[1]) != null ? s : 0) + ((a = i[2]) != null ? a : 0)) / 2;
  }) : {};
}
__name(rr, "rr");
function vn(e, n) {
  let t = P(e), r = Object.assign($t(e, t), Ut(e, t)), o = {}, i;
  ["u", "d"].forEach((a) => {
    i = a === "u" ? t : Object.values(t).reverse(), ["l", "r"].forEach((l) => {
      l === "r" && (i = i.map((f) => Object.values(f).reverse()));
      let d = Qt(e, i, r, (f) => (a === "u" ? e.predecessors(f) : e.successors(f)) || [], n), c = Zt(e, i, d.root, d.align, l === "r");
      l === "r" && (c = X(c, (f) => -f)), o[a + l] = c;
    });
  });
  let s = nr(e, o);
  return tr(o, s), rr(o, e.graph().align);
}
__name(vn, "vn");
function or(e, n, t) {
  return (r, o, i) => {
    let s = r.node(o), a = r.node(i), l = 0, u;
    if (l += s.width / 2, Object.hasOwn(s, "labelpos")) switch (s.labelpos.toLowerCase()) {
      case "l":
        u = -s.width / 2;
        break;
      case "r":
        u = s.width / 2;
        break;
    }
    if (u && (l += t ? u : -u), u = void 0, l += (s.dummy ? n : e) / 2, l += (a.dummy ? n : e) / 2, l += a.width / 2, Object.hasOwn(a, "labelpos")) switch (a.labelpos.toLowerCase()) {
      case "l":
        u = a.width / 2;
        break;
      case "r":
        u = -a.width / 2;
        break;
    }
    return u && (l += t ? u : -u), l;
  };
}
__name(or, "or");
function ir(e, n) {
  return e.node(n).width;
}
__name(ir, "ir");
function Nn(e, n, t) {
  var s;
  if (!t) return false;
  let r = (s = n.node(e)) == null ? void 0 : s.edgeObj;
  if (!r || n.node(e).edgeLabel.reversed) return false;
  let o = t.indexOf(r == null ? void 0 : r.v), i = t.indexOf(r == null ? void 0 : r.w);
  return o !== -1 && i !== -1 && o === (i + 1) % t.length || o === (i - 1) % t.length;
}
__name(Nn, "Nn");
function kn(e, n) {
  e = Z(e), sr(e), Object.entries(vn(e, n)).forEach(([t, r]) => e.node(t).x = r);
}
__name(kn, "kn");
function sr(e) {
  let n = P(e), t = e.graph(), r = t.ranksep, o = t.rankalign, i = 0;
  n.forEach((s) => {
    let a = s.reduce((l, u) => {
      var c;
      let d = (c = e.node(u).height) != null ? c : 0;
      return l > d ? l : d;
    }, 0);
    s.forEach((l) => {
      let u = e.node(l);
      o === "top" ? u.y = i + u.height / 2 : o === "bottom" ? u.y = i + a - u.height / 2 : u.y = i + a / 2;
    }), i += a + r;
  });
}
__name(sr, "sr");
var xn = /* @__PURE__ */ new WeakMap();
function Oe(e, n = {}) {
  return In(e, q, n), e;
}
__name(Oe, "Oe");
function _n(e, n, t) {
  let r = n;
  for (; r !== void 0; ) {
    let o = e.parent(r);
    if (o === t) return r;
    r = o;
  }
}
__name(_n, "_n");
function In(e, n, t) {
  var y;
  let r = e.nodes().filter((b) => e.children(b).length), o = {};
  r.forEach((b) => {
    let p = e.node(b);
    if (p && p.rankdir) {
      let E = new T({ multigraph: true, compound: true });
      E.setGraph({ rankdir: p.rankdir });
      let w = e.children(b);
      w.forEach((G) => {
        let N = { ...e.node(G) };
        E.setNode(G, N);
        let C = e.parent(G);
        C && C !== b && w.includes(C) && E.setParent(G, C);
      });
      let k = /* @__PURE__ */ new Set();
      e.edges().forEach((G) => {
        let N = _n(e, G.v, b), C = _n(e, G.w, b);
        if (N === G.v && C === G.w) E.setEdge(G, { ...e.edge(G) });
        else if (N && C && N !== C) {
          let B = `${N}\0${C}`;
          k.has(B) || (k.add(B), E.setEdge(N, C, { ...e.edge(G) }));
        }
      }), In(E, n, t);
      let _ = Rn(E);
      Cn(_, n, t, null), Tn(E, _);
      let O = 1 / 0, j = 1 / 0, R = -1 / 0, I = -1 / 0;
      E.nodes().forEach((G) => {
        if (G === b) return;
        let N = E.node(G);
        N && typeof N.x == "number" && typeof N.y == "number" && typeof N.width == "number" && typeof N.height == "number" && (O = Math.min(O, N.x - N.width / 2), R = Math.max(R, N.x + N.width / 2), j = Math.min(j, N.y - N.height / 2), I = Math.max(I, N.y + N.height / 2));
      }), (!isFinite(O) || !isFinite(j) || !isFinite(R) || !isFinite(I)) && (O = j = 0, R = I = 0);
      let v = R - O, x = I - j;
      o[b] = { minX: O, minY: j, maxX: R, maxY: I, width: v, height: x, offsetX: O, offsetY: j }, p._dagreClusterSubgraph = E;
    }
  });
  let i = [], s = /* @__PURE__ */ __name((b) => {
    let p = [], E = (e.children(b) || []).filter((w) => w !== b);
    for (; E.length > 0; ) {
      let w = E.shift();
      p.push(w), (e.children(w) || []).filter((k) => k !== w).forEach((k) => E.push(k));
    }
    return p;
  }, "s"), a = /* @__PURE__ */ new Map();
  r.forEach((b) => {
    let p = e.node(b);
    p && p.rankdir && o[b] && a.set(b, (e.children(b) || []).filter((E) => E !== b));
  });
  let l = new Set([...a.values()].flat()), u = /* @__PURE__ */ new Map();
  a.forEach((b, p) => {
    l.has(p) || u.set(p, s(p));
  });
  let d = new Set([...u.values()].flat()), c = /* @__PURE__ */ __name((b) => {
    for (let [p, E] of u) if (E.includes(b)) return p;
    return b;
  }, "c"), f = [];
  e.edges().forEach((b) => {
    (d.has(b.v) || d.has(b.w)) && f.push({ edge: b, label: e.edge(b) });
  });
  let h = /* @__PURE__ */ new Map();
  d.forEach((b) => {
    let p = e.parent(b);
    h.set(b, typeof p == "string" ? p : void 0);
  }), u.forEach((b, p) => {
    let E = e.node(p), w = [];
    b.forEach((O) => {
      let j = e.node(O);
      j && (w.push({ id: O, node: j, parent: h.get(O) }), e.removeNode(O));
    });
    let k = f.filter(({ edge: O }) => b.includes(O.v) || b.includes(O.w)), _ = o[p];
    E && (i.push({ clusterId: p, subgraph: E._dagreClusterSubgraph, bounds: _, children: b, removedNodes: w, removedEdges: k }), E.width = _.width, E.height = _.height);
  });
  let g = /* @__PURE__ */ new Set();
  f.forEach(({ edge: b, label: p }) => {
    let E = c(b.v), w = c(b.w);
    if (E !== w && e.hasNode(E) && e.hasNode(w)) {
      let k = `${E}\0${w}`;
      g.has(k) || (g.add(k), e.setEdge(E, w, { ...p, width: 0, height: 0 }));
    }
  });
  let m = Rn(e), L = Cn(m, n, t, (y = xn.get(e)) != null ? y : null);
  xn.set(e, L), Tn(e, m), g.forEach((b) => {
    let p = b.indexOf("\0"), E = b.slice(0, p), w = b.slice(p + 1);
    e.hasEdge(E, w) && e.removeEdge(E, w);
  }), i.forEach(({ clusterId: b, subgraph: p, bounds: E, removedNodes: w, removedEdges: k }) => {
    var v, x;
    let _ = e.node(b), O = (v = _ == null ? void 0 : _.x) != null ? v : 0, j = (x = _ == null ? void 0 : _.y) != null ? x : 0, R = (E.minX + E.maxX) / 2, I = (E.minY + E.maxY) / 2;
    w.forEach(({ id: G, node: N, parent: C }) => {
      e.setNode(G, N), C !== void 0 && e.setParent(G, C);
    }), k.forEach(({ edge: G, label: N }) => {
      e.setEdge(G, N);
    }), p.nodes().forEach((G) => {
      if (G === b) return;
      let N = p.node(G), C = e.node(G);
      C && N && typeof N.x == "number" && typeof N.y == "number" && (C.x = O + (N.x - R), C.y = j + (N.y - I));
    }), On(e, p, O - R, j - I), delete _._dagreClusterSubgraph;
  }), r.forEach((b) => {
    var w, k;
    let p = e.node(b), E = o[b];
    if (p && p.rankdir && p._dagreClusterSubgraph && E) {
      let _ = p._dagreClusterSubgraph, O = (w = p.x) != null ? w : 0, j = (k = p.y) != null ? k : 0, R = (E.minX + E.maxX) / 2, I = (E.minY + E.maxY) / 2;
      _.nodes().forEach((v) => {
        if (v === b) return;
        let x = _.node(v), G = e.node(v);
        if (G && x && typeof x.x == "number" && typeof x.y == "number") {
          let N = x.x - R, C = x.y - I;
          G.x = O + N, G.y = j + C;
        }
      }), On(e, _, O - R, j - I), delete p._dagreClusterSubgraph;
    }
  });
}
__name(In, "In");
function On(e, n, t, r) {
  n.edges().forEach((o) => {
    if (!e.hasEdge(o)) return;
    let i = n.edge(o), s = e.edge(o);
    s.points = i.points.map((a) => ({ x: a.x + t, y: a.y + r })), Object.hasOwn(i, "x") && (s.x = i.x + t, s.y = i.y + r);
  });
}
__name(On, "On");
function Cn(e, n, t, r = null) {
  var l, u;
  let o = (t == null ? void 0 : t.useDynamic) !== false, i = o && (l = r == null ? void 0 : r.graph) != null ? l : null, s = o && (u = r == null ? void 0 : r.rawNodes) != null ? u : null;
  n("    makeSpaceForEdgeLabels", () => br(e)), n("    removeSelfEdges", () => Gr(e)), n("    acyclic", () => Ue(e, i)), n("    nestingGraph.run", () => un(e)), n("    rank", () => dn(Z(e))), n("    injectEdgeLabelProxies", () => gr(e)), n("    removeEmptyRanks", () => We(e)), n("    nestingGraph.cleanup", () => fn(e)), n("    normalizeRanks", () => Be(e)), n("    assignRankMinMax", () => pr(e)), n("    removeEdgeLabelProxies", () => mr(e)), n("    normalize.run", () => Ke(e)), n("    parentDummyChains", () => ln(e)), n("    addBorderSegments", () => bn(e)), n("    order", () => re(e, t, s)), n("    insertSelfEdges", () => vr(e)), n("    adjustCoordinateSystem", () => pn(e)), n("    position", () => kn(e, t.corePath)), n("    positionSelfEdges", () => kr(e));
  let a = JSON.parse(JSON.stringify(e._nodes));
  return n("    removeBorderNodes", () => Nr(e)), n("    normalize.undo", () => Qe(e)), n("    fixupEdgeLabelCoords", () => yr(e)), n("    undoCoordinateSystem", () => mn(e)), n("    translateGraph", () => Er(e)), n("    assignNodeIntersects", () => Lr(e)), n("    reversePoints", () => wr(e)), n("    acyclic.undo", () => Je(e)), { graph: e, rawNodes: a };
}
__name(Cn, "Cn");
function Tn(e, n) {
  e.nodes().forEach((t) => {
    let r = e.node(t), o = n.node(t);
    r && (r.x = o.x, r.y = o.y, r.order = o.order, r.rank = o.rank, n.children(t).length && (r.width = o.width, r.height = o.height));
  }), e.edges().forEach((t) => {
    let r = e.edge(t), o = n.edge(t);
    r.points = o.points, Object.hasOwn(o, "x") && (r.x = o.x, r.y = o.y);
  }), e.graph().width = n.graph().width, e.graph().height = n.graph().height;
}
__name(Tn, "Tn");
var ar = ["nodesep", "edgesep", "ranksep", "marginx", "marginy"];
var dr = { ranksep: 50, edgesep: 20, nodesep: 50, rankdir: "TB", rankalign: "center" };
var lr = ["acyclicer", "ranker", "rankdir", "align", "rankalign"];
var ur = ["width", "height", "rank"];
var jn = { width: 0, height: 0 };
var cr = ["minlen", "weight", "width", "height", "labeloffset"];
var fr = { minlen: 1, weight: 1, width: 0, height: 0, labeloffset: 10, labelpos: "r" };
var hr = ["labelpos"];
function Rn(e) {
  let n = new T({ multigraph: true, compound: true }), t = _e(e.graph());
  return n.setGraph(Object.assign({}, dr, xe(t, ar), W2(t, lr))), e.nodes().forEach((r) => {
    let o = _e(e.node(r)), i = xe(o, ur);
    Object.keys(jn).forEach((a) => {
      i[a] === void 0 && (i[a] = jn[a]);
    }), n.setNode(r, i);
    let s = e.parent(r);
    s !== void 0 && n.setParent(r, s);
  }), e.edges().forEach((r) => {
    let o = _e(e.edge(r));
    n.setEdge(r, Object.assign({}, fr, xe(o, cr), W2(o, hr)));
  }), n;
}
__name(Rn, "Rn");
function br(e) {
  let n = e.graph();
  n.ranksep /= 2, e.edges().forEach((t) => {
    var o;
    let r = e.edge(t);
    r.minlen *= 2, ((o = r.labelpos) != null ? o : "r").toLowerCase() !== "c" && (n.rankdir === "TB" || n.rankdir === "BT" ? r.width += r.labeloffset : r.height += r.labeloffset);
  });
}
__name(br, "br");
function gr(e) {
  e.edges().forEach((n) => {
    let t = e.edge(n);
    if (t.width && t.height) {
      let r = e.node(n.v), i = { rank: (e.node(n.w).rank - r.rank) / 2 + r.rank, e: n };
      M(e, "edge-proxy", i, "_ep");
    }
  });
}
__name(gr, "gr");
function pr(e) {
  let n = 0;
  e.nodes().forEach((t) => {
    let r = e.node(t);
    r.borderTop && (r.minRank = e.node(r.borderTop).rank, r.maxRank = e.node(r.borderBottom).rank, n = Math.max(n, r.maxRank));
  }), e.graph().maxRank = n;
}
__name(pr, "pr");
function mr(e) {
  e.nodes().forEach((n) => {
    let t = e.node(n);
    if (t.dummy === "edge-proxy") {
      let r = t;
      e.edge(r.e).labelRank = t.rank, e.removeNode(n);
    }
  });
}
__name(mr, "mr");
function Er(e) {
  let n = Number.POSITIVE_INFINITY, t = 0, r = Number.POSITIVE_INFINITY, o = 0, i = e.graph(), s = i.marginx || 0, a = i.marginy || 0;
  function l(u) {
    let d = u.x, c = u.y, f = u.width, h = u.height;
    n = Math.min(n, d - f / 2), t = Math.max(t, d + f / 2), r = Math.min(r, c - h / 2), o = Math.max(o, c + h / 2);
  }
  __name(l, "l");
  e.nodes().forEach((u) => l(e.node(u))), e.edges().forEach((u) => {
    let d = e.edge(u);
    Object.hasOwn(d, "x") && l(d);
  }), n -= s, r -= a, e.nodes().forEach((u) => {
    let d = e.node(u);
    d.x -= n, d.y -= r;
  }), e.edges().forEach((u) => {
    let d = e.edge(u);
    d.points.forEach((c) => {
      c.x -= n, c.y -= r;
    }), Object.hasOwn(d, "x") && (d.x -= n), Object.hasOwn(d, "y") && (d.y -= r);
  }), i.width = t - n + s, i.height = o - r + a;
}
__name(Er, "Er");
function Lr(e) {
  e.edges().forEach((n) => {
    if (n.v === n.w) return;
    let t = e.edge(n), r = e.node(n.v), o = e.node(n.w), i, s;
    t.points ? (i = t.points[0], s = t.points[t.points.length - 1]) : (t.points = [], i = o, s = r), t.points.unshift(se(r, i)), t.points.push(se(o, s));
  });
}
__name(Lr, "Lr");
function yr(e) {
  e.edges().forEach((n) => {
    let t = e.edge(n);
    if (Object.hasOwn(t, "x")) switch ((t.labelpos === "l" || t.labelpos === "r") && (t.width -= t.labeloffset), t.labelpos) {
      case "l":
        t.x -= t.width / 2 + t.labeloffset;
        break;
      case "r":
        t.x += t.width / 2 + t.labeloffset;
        break;
    }
  });
}
__name(yr, "yr");
function wr(e) {
  e.edges().forEach((n) => {
    let t = e.edge(n);
    t.reversed && t.points.reverse();
  });
}
__name(wr, "wr");
function Nr(e) {
  e.nodes().forEach((n) => {
    if (e.children(n).length) {
      let t = e.node(n), r = e.node(t.borderTop), o = e.node(t.borderBottom), i = e.node(t.borderLeft[t.borderLeft.length - 1]), s = e.node(t.borderRight[t.borderRight.length - 1]);
      t.width = Math.abs(s.x - i.x), t.height = Math.abs(o.y - r.y), t.x = i.x + t.width / 2, t.y = r.y + t.height / 2;
    }
  }), e.nodes().forEach((n) => {
    e.node(n).dummy === "border" && e.removeNode(n);
  });
}
__name(Nr, "Nr");
function Gr(e) {
  e.edges().forEach((n) => {
    if (n.v === n.w) {
      let t = e.node(n.v);
      t.selfEdges || (t.selfEdges = []), t.selfEdges.push({ e: n, label: e.edge(n) }), e.removeEdge(n);
    }
  });
}
__name(Gr, "Gr");
function vr(e) {
  P(e).forEach((t) => {
    let r = 0;
    t.forEach((o, i) => {
      let s = e.node(o);
      typeof s.rank != "number" && (s.rank = 0), s.order = i + r, (s.selfEdges || []).forEach((a) => {
        M(e, "selfedge", { width: a.label.width, height: a.label.height, rank: s.rank, order: i + ++r, e: a.e, edgeLabel: a.label }, "_se"), (!Array.isArray(a.label.points) || a.label.points.length !== 7) && (a.label.points = [{ x: 0, y: -10 }, { x: 0, y: -10 }, { x: 0, y: 0 }, { x: 0, y: 10 }, { x: 0, y: 10 }, { x: 0, y: 0 }, { x: 0, y: 0 }]);
      }), delete s.selfEdges;
    });
  });
}
__name(vr, "vr");
function kr(e) {
  e.nodes().forEach((n) => {
    let t = e.node(n), r = /* @__PURE__ */ __name((o) => typeof o == "number" && isFinite(o), "r");
    if (t.dummy === "selfedge") {
      let o = t, i = e.node(o.e.v), s = r(i == null ? void 0 : i.x) ? i.x : 0, a = r(i == null ? void 0 : i.y) ? i.y : 0, l = r(i == null ? void 0 : i.width) ? i.width : 0, u = r(i == null ? void 0 : i.height) ? i.height : 0, d = r(t.x) ? t.x : s, c = r(t.y) ? t.y : a, f = l / 2, h = u / 2;
      o.edgeLabel.points = [{ x: d + f, y: c - h }, { x: d + f, y: c - h }, { x: d, y: c }, { x: d - f, y: c + h }, { x: d - f, y: c + h }, { x: d, y: c }, { x: d, y: c }], o.edgeLabel.x = d, o.edgeLabel.y = c, e.setEdge(o.e, o.edgeLabel), e.removeNode(n);
    } else t && Array.isArray(t.selfEdges) && t.selfEdges.forEach((o) => {
      if (!Array.isArray(o.label.points) || o.label.points.length !== 7) {
        let i = r(t.x) ? t.x : 0, s = r(t.y) ? t.y : 0, a = r(t.width) ? t.width : 0, l = r(t.height) ? t.height : 0, u = a / 2, d = l / 2;
        o.label.points = [{ x: i + u, y: s - d }, { x: i + u, y: s - d }, { x: i, y: s }, { x: i - u, y: s + d }, { x: i - u, y: s + d }, { x: i, y: s }, { x: i, y: s }];
      }
    });
  });
}
__name(kr, "kr");
function xe(e, n) {
  return X(W2(e, n), Number);
}
__name(xe, "xe");
function _e(e) {
  let n = {};
  return e && Object.entries(e).forEach(([t, r]) => {
    typeof t == "string" && (t = t.toLowerCase()), n[t] = r;
  }), n;
}
__name(_e, "_e");
function Ce(e) {
  let n = P(e), t = new T({ compound: true, multigraph: true }).setGraph({});
  return e.nodes().forEach((r) => {
    t.setNode(r, { label: r }), t.setParent(r, "layer" + e.node(r).rank);
  }), e.edges().forEach((r) => t.setEdge(r.v, r.w, {}, r.name)), n.forEach((r, o) => {
    let i = "layer" + o;
    t.setNode(i, { rank: "same" }), r.reduce((s, a) => (t.setEdge(s, a, { style: "invis" }), a));
  }), t;
}
__name(Ce, "Ce");
var xr = { graphlib: ie, version: ue, layout: Oe, debug: Ce, util: { time: le, notime: q } };
var Uo = xr;

// src/render/report/layout.ts
function layoutGraph(nodes, edges) {
  const g = new Uo.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) g.setEdge(e.from, e.to);
  Uo.layout(g);
  const placed = { nodes: /* @__PURE__ */ new Map(), edges: [], width: 0, height: 0 };
  for (const n of nodes) {
    const p = g.node(n.id);
    placed.nodes.set(n.id, { x: p.x, y: p.y });
  }
  for (const e of edges) placed.edges.push({ ...e, points: g.edge(e.from, e.to)?.points ?? [] });
  const label = g.graph();
  placed.width = Math.ceil(label.width ?? 0);
  placed.height = Math.ceil(label.height ?? 0);
  return placed;
}
__name(layoutGraph, "layoutGraph");

// src/render/report/model.ts
var ALL_PAIRS_MAX_RUNS = 12;
var MAX_LABEL = 34;
var CHAR_W = 7.2;
var LINE_H = 16;
var MAX_METRIC_LINES = 6;
function clip(s) {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}\u2026` : s;
}
__name(clip, "clip");
function sized(n) {
  const lines = n.lines.map(clip);
  const width = Math.round(Math.max(90, ...lines.map((l) => l.length * CHAR_W)) + 20);
  return { ...n, lines, width, height: lines.length * LINE_H + 14 };
}
__name(sized, "sized");
function runOrder(g) {
  return [...g.runs].sort((a, b) => (a.startedOn ?? "").localeCompare(b.startedOn ?? "") || a.index - b.index);
}
__name(runOrder, "runOrder");
function buildReportModel(input) {
  const graph = graphFromStatements(input.records.map((r) => ({ statement: r.statement, source: r.file })));
  const ix = indexGraph(graph);
  const ordered = runOrder(graph);
  const runs = ordered.map((r) => ({ ...r, label: runLabel(r), file: input.records[r.index].file }));
  const runLabelOf = new Map(runs.map((r) => [r.key, r.label]));
  const nodes = [];
  const edges = [];
  const idOf = /* @__PURE__ */ new Map();
  const id = /* @__PURE__ */ __name((key) => {
    let v = idOf.get(key);
    if (v === void 0) {
      v = `n${idOf.size}`;
      idOf.set(key, v);
    }
    return v;
  }, "id");
  const seen = /* @__PURE__ */ new Set();
  const edge = /* @__PURE__ */ __name((from, to) => {
    const k = `${from}>${to}`;
    if (!seen.has(k)) {
      seen.add(k);
      edges.push({ from, to });
    }
  }, "edge");
  const usedBy = /* @__PURE__ */ __name((key) => {
    const out = /* @__PURE__ */ new Set();
    for (const e of ix.out.get(key) ?? []) {
      const run2 = ix.runs.get(e.to)?.key ?? ix.steps.get(e.to)?.run;
      if (run2) out.add(runLabelOf.get(run2) ?? run2);
    }
    return [...out];
  }, "usedBy");
  for (const d of graph.datasets) {
    nodes.push(
      sized({
        id: id(d.key),
        key: d.key,
        kind: "dataset",
        lines: [datasetLabel(d), ...d.digest ? [shortDigest(d.digest)] : []],
        // The uri as a person reads it (`file:data/my file.csv`), as in the datasets table.
        details: { kind: d.derived ? "derived dataset" : "dataset", ...d, ...d.uri ? { uri: displayUri(d.uri) } : {}, usedBy: usedBy(d.key) }
      })
    );
  }
  for (const s of graph.steps) {
    const lib = s.library ? `${s.library}${s.version ? `@${s.version}` : ""}` : void 0;
    const stepIndex = Number(s.key.split("/step:")[1]);
    const record = input.records[graph.runs.find((r) => r.key === s.run).index].statement.predicate.steps[stepIndex];
    nodes.push(sized({ id: id(s.key), key: s.key, kind: "step", lines: [s.name, ...lib ? [lib] : []], details: { kind: "step", run: runLabelOf.get(s.run), ...record } }));
  }
  for (const r of runs) {
    const rec = input.records[r.index];
    const status = input.bundles.find((b) => b.file === rec.file);
    nodes.push(
      sized({
        id: id(r.key),
        key: r.key,
        kind: "run",
        lines: [r.label, ...r.gitCommit ? [`commit ${r.gitCommit.slice(0, 12)}`] : []],
        details: {
          kind: "run",
          file: rec.file,
          verification: status?.status ?? "unknown",
          ...status?.verdict?.signer?.subjectAlternativeName ? { signer: status.verdict.signer.subjectAlternativeName } : {},
          ...status?.verdict?.rekorLogIndex ? { rekorLogIndex: status.verdict.rekorLogIndex } : {},
          record: rec.statement
        }
      })
    );
  }
  for (const e of graph.edges) {
    if (e.kind === "input" || e.kind === "output" || e.kind === "feeds") edge(id(e.from), id(e.to));
  }
  const modelDone = /* @__PURE__ */ new Set();
  for (const r of runs) {
    const out = ix.out.get(r.key) ?? [];
    for (const m of new Set(out.filter((e) => e.kind === "produced").map((e) => ix.models.get(e.to)))) {
      if (!modelDone.has(m.key)) {
        modelDone.add(m.key);
        nodes.push(
          sized({
            id: id(m.key),
            key: m.key,
            kind: "model",
            lines: [m.paths[0] ?? m.sha256, shortDigest(`sha256:${m.sha256}`)],
            details: { kind: "model", sha256: m.sha256, paths: m.paths, producedBy: [...new Set((ix.in.get(m.key) ?? []).map((e) => runLabelOf.get(e.from) ?? e.from))] }
          })
        );
      }
      edge(id(r.key), id(m.key));
    }
    const all = out.filter((e) => e.kind === "measured").map((e) => ix.metrics.get(e.to));
    const final = finalMetrics(all);
    if (final.length) {
      const key = `${r.key}/metrics`;
      const shown = final.slice(0, MAX_METRIC_LINES).map(metricLabel);
      if (final.length > MAX_METRIC_LINES) shown.push(`\u2026 ${final.length - MAX_METRIC_LINES} more`);
      nodes.push(
        sized({
          id: id(key),
          key,
          kind: "metrics",
          lines: shown,
          details: { kind: "final metrics", run: r.label, metrics: final.map(metricLabel), recordedValues: all.length }
        })
      );
      edge(id(r.key), id(key));
      for (const e of ix.in.get(r.key) ?? []) if (e.kind === "evaluates") edge(id(e.from), id(key));
    }
  }
  const layout = layoutGraph(nodes, edges);
  return { input, graph, runs, nodes, layout, series: chartSeries(graph, runs), ...diffViews(input, runs) };
}
__name(buildReportModel, "buildReportModel");
function chartSeries(g, runs) {
  const position = new Map(runs.map((r, i) => [r.key, i]));
  const series = /* @__PURE__ */ new Map();
  for (const m of finalMetrics(g.metrics)) {
    const k = `${m.name}\0${m.split ?? ""}`;
    let s = series.get(k);
    if (!s) {
      s = { name: m.name, ...m.split ? { split: m.split } : {}, points: [] };
      series.set(k, s);
    }
    const at2 = position.get(m.run);
    s.points.push({ run: at2, label: runs[at2].label, value: m.value });
  }
  for (const s of series.values()) s.points.sort((a, b) => a.run - b.run);
  return [...series.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.split ?? "").localeCompare(b.split ?? ""));
}
__name(chartSeries, "chartSeries");
function diffViews(input, runs) {
  const allPairs = runs.length <= ALL_PAIRS_MAX_RUNS;
  const pairs = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = 0; j < runs.length; j++) {
      if (i !== j && (allPairs || Math.abs(i - j) === 1)) pairs.push([i, j]);
    }
  }
  const diffs = pairs.map(([i, j]) => {
    const d = diffStatements(input.records[runs[i].index].statement, input.records[runs[j].index].statement);
    return { before: i, after: j, identical: d.identical, sections: d.identical ? [] : sections(d) };
  });
  return { diffs, allPairs };
}
__name(diffViews, "diffViews");

// src/render/report/style.ts
var REPORT_CSS = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --soft:#f6f8fa; --good:#1a7f37; --bad:#cf222e; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif; color:var(--fg); background:var(--bg); }
header { padding:16px 24px 8px; border-bottom:1px solid var(--line); background:var(--soft); }
h1 { margin:0 0 4px; font-size:22px; }
h2 { font-size:18px; margin:28px 0 10px; padding-bottom:4px; border-bottom:1px solid var(--line); }
h3 { font-size:15px; margin:14px 0 6px; } h4 { margin:14px 0 6px; font-size:14px; }
main { padding:0 24px 40px; max-width:1400px; }
nav a { margin-right:12px; color:#0969da; text-decoration:none; }
.meta, .hint, .empty { color:var(--muted); margin:4px 0; }
.banner { display:inline-block; margin:8px 0; padding:6px 12px; border-radius:6px; font-weight:600; }
.banner.good { background:#dafbe1; color:var(--good); } .banner.bad { background:#ffebe9; color:var(--bad); }
code, pre { font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12.5px; }
code { background:var(--soft); padding:1px 4px; border-radius:4px; word-break:break-all; }
.scroll { overflow-x:auto; }
table { border-collapse:collapse; margin:6px 0; }
th, td { border:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; max-width:520px; overflow-wrap:anywhere; }
th { background:var(--soft); white-space:nowrap; }
.status { font-weight:700; white-space:nowrap; } .status.verified { color:var(--good); } .status.failed { color:var(--bad); }
.status.unsigned, .status.not-verified, .status.other { color:#9a6700; }
.graphwrap { position:relative; display:flex; gap:12px; align-items:stretch; }
#graph { flex:1 1 auto; min-width:0; height:560px; border:1px solid var(--line); border-radius:6px; background:#fbfcfd; cursor:grab; user-select:none; touch-action:none; }
#graph.dragging { cursor:grabbing; }
.tools { position:absolute; left:8px; top:8px; display:flex; gap:4px; z-index:1; }
.tools button { min-width:30px; height:28px; border:1px solid var(--line); border-radius:6px; background:#fff; cursor:pointer; font-size:15px; }
#details { flex:0 0 380px; max-height:560px; overflow:auto; border:1px solid var(--line); border-radius:6px; padding:8px 12px; background:#fff; }
#details h3 { margin-top:4px; overflow-wrap:anywhere; }
#details dl { display:grid; grid-template-columns:max-content 1fr; gap:2px 10px; margin:0 0 8px; }
#details dt { color:var(--muted); } #details dd { margin:0; white-space:pre-wrap; overflow-wrap:anywhere; font-family:ui-monospace,monospace; font-size:12.5px; }
#details pre { white-space:pre-wrap; overflow-wrap:anywhere; background:var(--soft); padding:6px; border-radius:4px; max-height:420px; overflow:auto; }
.node { cursor:pointer; } .node rect { stroke-width:1.5; } .node text { font-size:12px; fill:#1f2328; font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.node text.sub { fill:#59636e; font-size:11px; }
.node:focus { outline:none; } .node:focus rect, .node.selected rect { stroke:#0969da; stroke-width:3; }
.node.dataset rect, .k.dataset { fill:#ddf4ff; stroke:#54aeff; background:#ddf4ff; }
.node.step rect, .k.step { fill:#fff8c5; stroke:#d4a72c; background:#fff8c5; }
.node.run rect, .k.run { fill:#dafbe1; stroke:#4ac26b; background:#dafbe1; }
.node.model rect, .k.model { fill:#fbefff; stroke:#c297ff; background:#fbefff; }
.node.metrics rect, .k.metrics { fill:#fff1e5; stroke:#fb8f44; background:#fff1e5; }
.legend { margin:4px 0 8px; } .legend .k { display:inline-block; padding:1px 8px; margin-right:6px; border-radius:4px; border:1px solid var(--line); font-size:12px; }
.edge { fill:none; stroke:#8c959f; stroke-width:1.3; } .arrowhead { fill:#8c959f; }
.charts { display:flex; flex-wrap:wrap; gap:12px; } .chart { margin:0; border:1px solid var(--line); border-radius:6px; background:#fff; }
.chart .line { fill:none; stroke:#0969da; stroke-width:2; } .chart .pt { fill:#0969da; }
.chart .grid { stroke:#eaeef2; } .chart .tick { font-size:10.5px; fill:#59636e; } .chart .ctitle { font-size:12.5px; font-weight:600; fill:#1f2328; }
.controls select { max-width:360px; }
@media (max-width: 900px) { .graphwrap { flex-direction:column; } #details { flex-basis:auto; } }
`;

// src/render/report/page.ts
var sha256b64 = /* @__PURE__ */ __name((s) => createHash("sha256").update(s, "utf8").digest("base64"), "sha256b64");
function renderReportHtml(input) {
  const m = buildReportModel(input);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256b64(CLIENT_JS)}'`,
    `style-src 'sha256-${sha256b64(REPORT_CSS)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
  const data = {
    nodes: Object.fromEntries(m.nodes.map((n) => [n.id, { title: `${n.kind}: ${n.lines[0] ?? ""}`, details: n.details }]))
  };
  const failed = input.bundles.filter((b) => b.status === "failed").length;
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>ML provenance report (${m.runs.length} run${m.runs.length === 1 ? "" : "s"})</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head><body>",
    "<header>",
    "<h1>ML provenance report</h1>",
    `<p class="meta">${escapeHtml(`${input.bundles.length} file(s), ${m.runs.length} training record(s) shown, generated ${input.generatedAt}`)}${input.identity ? ` \xB7 signer required: <code>${escapeHtml(input.identity)}</code>` : ""}</p>`,
    `<p class="banner ${failed ? "bad" : "good"}" data-testid="overall">${failed ? escapeHtml(`${failed} of ${input.bundles.length} file(s) FAILED verification and are left out of the graph and tables`) : escapeHtml(overallText(input))}</p>`,
    '<nav><a href="#verification">Verification</a> <a href="#lineage">Lineage</a> <a href="#runs">Runs</a> <a href="#datasets">Datasets</a> <a href="#steps">Steps</a> <a href="#models">Models</a> <a href="#metrics">Metrics</a> <a href="#diff">Diff</a></nav>',
    "</header><main>",
    verificationSection(input.bundles),
    graphSection(m),
    runsSection(m),
    datasetsSection(m),
    stepsSection(m),
    modelsSection(m),
    metricsSection(m),
    diffSection(m),
    "</main>",
    `<script type="application/json" id="report-data">${jsonForScript(data)}</script>`,
    `<script>${CLIENT_JS}</script>`,
    "</body></html>",
    ""
  ].join("\n");
}
__name(renderReportHtml, "renderReportHtml");
function overallText(input) {
  const n = input.bundles.length;
  const verified = input.bundles.filter((b) => b.status === "verified").length;
  const trusted = input.records.length - verified;
  const left = n - verified - trusted;
  if (verified === n) return `all ${n} bundle(s) verified`;
  return [
    `${verified} of ${n} file(s) verified`,
    ...trusted ? [`${trusted} included WITHOUT verification (--no-verify)`] : [],
    ...left ? [`${left} left out (unsigned copies or other attestations)`] : []
  ].join(", ");
}
__name(overallText, "overallText");
function table(headers, rows, attrs = "") {
  if (rows.length === 0) return '<p class="empty">none recorded</p>';
  return [
    `<div class="scroll"><table${attrs}>`,
    `<thead><tr>${headers.map((x) => `<th>${escapeHtml(x)}</th>`).join("")}</tr></thead><tbody>`,
    // Cells arrive escaped (some carry <code>): see cell().
    ...rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`),
    "</tbody></table></div>"
  ].join("");
}
__name(table, "table");
var cell = /* @__PURE__ */ __name((v, code = false) => v === void 0 || v === "" ? "" : code ? `<code>${escapeHtml(v)}</code>` : escapeHtml(v), "cell");
var digestCell = /* @__PURE__ */ __name((d) => d ? `<code title="${escapeHtml(d)}">${escapeHtml(shortDigest(d, 16))}</code>` : "", "digestCell");
var STATUS_TEXT = {
  verified: "VERIFIED",
  failed: "FAILED",
  unsigned: "unsigned statement",
  "not-verified": "not verified (--no-verify)",
  other: "signed, not a training record"
};
function verificationSection(bundles) {
  const rows = bundles.map((b) => [
    `<span class="status ${escapeHtml(b.status)}">${escapeHtml(STATUS_TEXT[b.status])}</span>`,
    cell(b.file, true),
    cell(b.verdict?.signer?.subjectAlternativeName ?? ""),
    cell(b.verdict?.rekorLogIndex ?? ""),
    escapeHtml(b.verdict ? b.verdict.checks.map((c) => `${c.name}: ${c.status}`).join(", ") : ""),
    cell(b.verdict?.failure ?? b.note ?? "")
  ]);
  return `<section id="verification"><h2>Verification</h2>${table(["verdict", "file", "signer", "Rekor index", "checks", "reason"], rows, ' data-testid="verdicts"')}</section>`;
}
__name(verificationSection, "verificationSection");
function nodeSvg(n, x, y) {
  const left = x - n.width / 2;
  const top = y - n.height / 2;
  const text = n.lines.map((l, i) => `<text x="${(left + 10).toFixed(1)}" y="${(top + 20 + i * 16).toFixed(1)}"${i > 0 ? ' class="sub"' : ""}>${escapeHtml(l)}</text>`).join("");
  return `<g class="node ${n.kind}" data-id="${escapeHtml(n.id)}" data-key="${escapeHtml(n.key)}" tabindex="0" role="button" aria-label="${escapeHtml(`${n.kind}: ${n.lines.join(", ")}`)}"><rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${n.width}" height="${n.height}" rx="${n.kind === "run" ? 12 : 4}"/>${text}</g>`;
}
__name(nodeSvg, "nodeSvg");
function graphSection(m) {
  const { layout } = m;
  const w = Math.max(layout.width, 200);
  const hgt = Math.max(layout.height, 80);
  const edges = layout.edges.map((e) => `<polyline class="edge" points="${e.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ")}" marker-end="url(#arrow)"/>`).join("");
  const nodes = m.nodes.map((n) => {
    const p = layout.nodes.get(n.id);
    return nodeSvg(n, p.x, p.y);
  });
  return [
    '<section id="lineage"><h2>Lineage</h2>',
    '<p class="hint">Datasets \u2192 steps \u2192 runs \u2192 models \u2192 final metrics. Drag to pan, wheel or buttons to zoom; click a node (or Tab + Enter) for its record.</p>',
    '<div class="legend"><span class="k dataset">dataset</span><span class="k step">step</span><span class="k run">run</span><span class="k model">model</span><span class="k metrics">metrics</span></div>',
    '<div class="graphwrap"><div class="tools"><button type="button" id="zoom-in" aria-label="zoom in">+</button><button type="button" id="zoom-out" aria-label="zoom out">\u2212</button><button type="button" id="zoom-fit">fit</button></div>',
    `<svg id="graph" data-testid="graph" viewBox="0 0 ${w} ${hgt}" preserveAspectRatio="xMidYMid meet" role="group" aria-label="lineage graph">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>',
    edges,
    ...nodes,
    "</svg>",
    '<aside id="details" data-testid="details" aria-live="polite"><p class="hint">Click a node to see its record.</p></aside></div>',
    "</section>"
  ].join("\n");
}
__name(graphSection, "graphSection");
function runsSection(m) {
  const rows = m.runs.map((r, i) => [
    escapeHtml(String(i + 1)),
    cell(r.label),
    cell(r.file, true),
    cell(r.builder, true),
    cell(r.startedOn ?? ""),
    cell(r.finishedOn ?? ""),
    r.gitCommit ? `<code title="${escapeHtml(r.gitCommit)}">${escapeHtml(r.gitCommit.slice(0, 12))}</code>` : "",
    cell((r.command ?? []).join(" "), true)
  ]);
  return `<section id="runs"><h2>Runs</h2>${table(["#", "run", "file", "builder", "started", "finished", "commit", "command"], rows, ' data-testid="runs"')}</section>`;
}
__name(runsSection, "runsSection");
function datasetsSection(m) {
  const rows = m.graph.datasets.map((d) => [
    cell(d.id, true),
    cell(d.version ?? ""),
    digestCell(d.digest),
    cell(d.uri ? displayUri(d.uri) : "", true),
    cell(d.license ?? ""),
    escapeHtml(d.derived ? "derived (step output)" : "input")
  ]);
  return `<section id="datasets"><h2>Datasets</h2>${table(["id", "version", "digest", "uri", "license", "kind"], rows, ' data-testid="datasets"')}</section>`;
}
__name(datasetsSection, "datasetsSection");
function runName(m, key) {
  return m.runs.find((r) => r.key === key)?.label ?? key;
}
__name(runName, "runName");
function stepsSection(m) {
  const rows = m.graph.steps.map((s) => {
    const step = m.input.records[m.graph.runs.find((r) => r.key === s.run).index].statement.predicate.steps[Number(s.key.split("/step:")[1])];
    return [
      cell(runName(m, s.run)),
      cell(s.name),
      cell(s.library ? `${s.library}${s.version ? `@${s.version}` : ""}` : "", true),
      cell(s.parameters ? JSON.stringify(s.parameters) : "", true),
      cell((step.inputs ?? []).join(", "), true),
      cell((step.outputs ?? []).join(", "), true)
    ];
  });
  return `<section id="steps"><h2>Steps</h2>${table(["run", "step", "library", "parameters", "inputs", "outputs"], rows, ' data-testid="steps"')}</section>`;
}
__name(stepsSection, "stepsSection");
function modelsSection(m) {
  const rows = m.graph.models.map((x) => [cell(x.paths.join(", "), true), `<code>${escapeHtml(`sha256:${x.sha256}`)}</code>`]);
  return `<section id="models"><h2>Models</h2>${table(["path", "sha256"], rows, ' data-testid="models"')}</section>`;
}
__name(modelsSection, "modelsSection");
function metricsSection(m) {
  const rows = m.runs.flatMap(
    (r) => m.graph.metrics.filter((x) => x.run === r.key).map((x) => [cell(r.label), cell(x.name), cell(x.split ?? ""), cell(x.epoch ?? ""), cell(x.step ?? ""), cell(typeof x.value === "number" ? exactNumber(x.value) : x.value)])
  );
  const charts = m.series.length ? `<h3>Final value over runs</h3><div class="charts" data-testid="charts">${m.series.map((s) => renderChart(s, m.runs.length)).join("")}</div>` : "";
  return `<section id="metrics"><h2>Metrics</h2>${charts}<details${rows.length <= 40 ? " open" : ""}><summary>Every recorded value (${rows.length})</summary>${table(["run", "metric", "split", "epoch", "step", "value"], rows, ' data-testid="metrics"')}</details></section>`;
}
__name(metricsSection, "metricsSection");
function diffTables(sections2) {
  return sections2.map((s) => `<h4>${escapeHtml(s.title)}</h4>${table(s.headers, s.rows.map((r) => r.map((c) => cell(c))))}`).join("");
}
__name(diffTables, "diffTables");
function diffSection(m) {
  if (m.runs.length < 2) return '<section id="diff"><h2>Diff between runs</h2><p class="empty">Only one run: nothing to compare.</p></section>';
  const options = /* @__PURE__ */ __name((selected) => m.runs.map((r, i) => `<option value="${i}"${i === selected ? " selected" : ""}>${escapeHtml(`${i + 1}. ${r.label}`)}</option>`).join(""), "options");
  const last = m.runs.length - 1;
  const views = m.diffs.map(
    (d) => `<div class="diff" data-pair="${d.before}-${d.after}"${d.before === last - 1 && d.after === last ? "" : " hidden"}>${d.identical ? "<p>No changes to datasets, config, hyperparameters, steps, image or metrics.</p>" : diffTables(d.sections)}</div>`
  );
  return [
    '<section id="diff"><h2>Diff between runs</h2>',
    `<p class="controls"><label>before <select id="diff-before">${options(last - 1)}</select></label> <label>after <select id="diff-after">${options(last)}</select></label></p>`,
    m.allPairs ? "" : '<p class="hint">Many runs: only neighbouring runs (in time order) are compared here.</p>',
    '<p id="diff-none" class="empty" hidden></p>',
    ...views,
    "</section>"
  ].join("\n");
}
__name(diffSection, "diffSection");

// src/cli/commands/report.ts
function identityText(i) {
  return [i.repo && `repo ${i.repo}`, i.signerWorkflow && `workflow ${i.signerWorkflow}`, i.certIdentity, i.certIdentityRegexp && `/${i.certIdentityRegexp}/`].filter(Boolean).join(", ");
}
__name(identityText, "identityText");
async function verifyEach(docs, unreadable, o) {
  const records = [];
  const bundles = [];
  if (!o.verify) {
    for (const d of docs) {
      records.push({ file: d.file, statement: d.statement });
      bundles.push({ file: d.file, status: d.bundle ? "not-verified" : "unsigned", note: "taken on trust: --no-verify" });
    }
    for (const u of unreadable) bundles.push({ file: u.file, status: "other", note: `not a training record (${u.error.message}); not verified` });
    return { records, bundles };
  }
  const identity = identityFrom(o);
  validateIdentityPolicy(identity, { noVerify: true });
  const signed = [...docs.filter((d) => d.bundle), ...unreadable];
  const trustedRoot = signed.length ? (await loadTrustedRoot({
    ...o.customTrustedRoot ? { customTrustedRoot: o.customTrustedRoot } : {},
    ...o.offline ? { offline: true } : {},
    logger: stderrLogger
  })).root : void 0;
  const check = /* @__PURE__ */ __name((bundle) => verifyBundle(bundle, { identity, trustedRoot, logger: stderrLogger }), "check");
  for (const d of docs) {
    if (!d.bundle) {
      bundles.push({
        file: d.file,
        status: "unsigned",
        note: d.scanned ? "an unsigned statement: its signed bundle is what counts (left out)" : "an unsigned statement cannot be verified (left out; --no-verify to include it)"
      });
      continue;
    }
    const verdict = await check(d.bundle);
    bundles.push({ file: d.file, status: verdict.verified ? "verified" : "failed", verdict });
    if (verdict.verified) records.push({ file: d.file, statement: d.statement });
  }
  for (const u of unreadable) {
    const verdict = await check(u.bundle);
    bundles.push(
      verdict.verified ? { file: u.file, status: "other", verdict, note: `signed, but not an ml-provenance training record (${u.error.message})` } : { file: u.file, status: "failed", verdict }
    );
  }
  return { records, bundles };
}
__name(verifyEach, "verifyEach");
function register(program) {
  const cmd = program.command("report").description("write a self-contained HTML report for auditors: verdict per bundle, interactive lineage graph, tables, metric chart, diffs").argument("[inputs...]", "bundle or statement files, or directories holding them").requiredOption("--out <FILE.html>", "the HTML file to write (replaced atomically)").option("--no-verify", "include records without verifying their signatures (marked as not verified in the report)").option("--store <PATH|URL>", `${STORE_SOURCE_HELP}; none: every run the filters select (each bundle is verified again, as files are)`).option("--runs <OWNER/REPO>", "with --store: only the runs of this repository (OWNER/* for an owner, '*' for every run)").option("--since <DATE>", "with --store: runs that finished at or after this time").option("--until <DATE>", "with --store: runs that finished before this time");
  addTrustFlags(cmd, "the repository whose workflow must have signed the bundles").action(
    run(async (inputs, o) => {
      if (!/\.html?$/i.test(o.out)) {
        throw new InputError("report-out", `--out ${o.out} is not an .html file`, { fix: "pass --out NAME.html" });
      }
      const unreadable = [];
      if (o.store === void 0 && (o.runs ?? o.since ?? o.until) !== void 0) {
        throw new InputError("filter-without-store", "--runs, --since and --until select runs in the store", { fix: "add --store PATH|URL, or leave them out to report on the files given" });
      }
      if (o.store !== void 0) refuseFilesWithStore(inputs, "report", o.store);
      const docs = o.store === void 0 ? await loadDocuments(inputs, stderrLogger, unreadable) : inputs.length ? await storeRunsById(o.store, inputs, stderrLogger) : await storeRunsSelected(o.store, o);
      const { records, bundles } = await verifyEach(docs, unreadable, o);
      const html = renderReportHtml({
        generatedAt: (/* @__PURE__ */ new Date()).toISOString(),
        records,
        bundles,
        ...o.verify ? { identity: identityText(identityFrom(o)) } : {}
      });
      const failed = bundles.filter((b) => b.status === "failed");
      if (records.length === 0 && failed.length === 0) {
        throw new InputError("report-empty", "no training record could be included in the report", {
          fix: "pass signed bundles (provenance.sigstore.json), or --no-verify to include unsigned statements"
        });
      }
      await writeFileAtomic(o.out, html);
      stderrLogger.info(`wrote ${path.resolve(o.out)}: ${records.length} record(s), ${failed.length} failed verification`);
      for (const f of failed) {
        processIo.err(`error: ${f.file} failed verification: ${f.verdict?.failure ?? "unknown"} \u2014 it is listed as FAILED in the report and left out of the graph; check the file's origin`);
      }
      return failed.length ? 1 : 0;
    })
  );
}
__name(register, "register");
export {
  register
};
