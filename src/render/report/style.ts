/** The report's stylesheet, inlined (its hash is in the page's CSP). */
export const REPORT_CSS = `
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
