/**
 * The page's one stylesheet, inlined so the first response paints the whole page. Colours are
 * variables: `data-theme="auto"` follows prefers-color-scheme, `light` and `dark` force one.
 */
export const PAGE_CSS = `
:root{--bg:#f7f8fa;--card:#fff;--text:#1c2024;--muted:#60646c;--line:#e4e7ec;--ok:#30a46c;--warn:#f5a524;--bad:#e5484d;--maint:#3e63dd;--none:#d5d9e0;--accent:#3e63dd;--focus:#3e63dd}
html[data-theme=dark]{--bg:#111315;--card:#1a1d21;--text:#eceef0;--muted:#9ba1a8;--line:#2b3036;--ok:#3dd68c;--warn:#ffc53d;--bad:#ff6369;--maint:#849dff;--none:#3a4047;--accent:#849dff;--focus:#849dff}
@media (prefers-color-scheme:dark){html[data-theme=auto]{--bg:#111315;--card:#1a1d21;--text:#eceef0;--muted:#9ba1a8;--line:#2b3036;--ok:#3dd68c;--warn:#ffc53d;--bad:#ff6369;--maint:#849dff;--none:#3a4047;--accent:#849dff;--focus:#849dff}}
*{box-sizing:border-box}
html{color-scheme:light dark}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--card);padding:6px 10px;z-index:2}
.wrap{max-width:880px;margin:0 auto;padding:0 20px}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.top .wrap{display:flex;align-items:center;gap:14px;min-height:68px;flex-wrap:wrap}
.top img{height:36px;width:auto;display:block}
.top h1{font-size:20px;margin:0;flex:1}
.top .sub{font-size:14px;text-decoration:none;border:1px solid var(--line);border-radius:8px;padding:6px 12px;color:var(--text)}
main.wrap{padding:28px 20px 40px}
.description{color:var(--muted);margin:0 0 18px}
.banner{display:flex;align-items:center;gap:12px;flex-wrap:wrap;padding:16px 20px;border-radius:12px;color:#fff;font-size:17px;margin-bottom:24px;background:var(--ok)}
.banner--degraded{background:var(--warn);color:#1c2024}.banner--partial_outage{background:#f76b15}.banner--major_outage{background:var(--bad)}.banner--maintenance{background:var(--maint)}.banner--unknown{background:var(--none);color:var(--text)}
.banner .dot{width:12px;height:12px;border-radius:50%;background:currentColor;opacity:.85}
.banner .updated{margin-left:auto;font-size:13px;opacity:.9}
h2{font-size:16px;margin:28px 0 10px}
.card,.incident,.group ul{background:var(--card);border:1px solid var(--line);border-radius:12px}
.incident{padding:14px 18px;margin-bottom:12px;border-left:4px solid var(--warn)}
.incident--major{border-left-color:#f76b15}.incident--critical{border-left-color:var(--bad)}.incident--none{border-left-color:var(--maint)}
.incident h3{margin:0 0 4px;font-size:16px}
.affected{margin:0 0 6px;color:var(--muted);font-size:13px}
.updates{list-style:none;margin:0;padding:0}
.updates li{padding:8px 0;border-top:1px solid var(--line)}
.updates li:first-child{border-top:0}
.msg{margin:4px 0 0;white-space:pre-line}
.when{color:var(--muted);font-size:13px}
.istatus--resolved{color:var(--ok)}.istatus--investigating{color:var(--bad)}.istatus--identified{color:#f76b15}.istatus--monitoring{color:var(--maint)}
.maintenance{list-style:none;padding:0;margin:0}
.maint{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--maint);border-radius:12px;padding:12px 18px;margin-bottom:10px}
.group h2{margin-top:24px}
.group ul{list-style:none;margin:0;padding:0}
.monitor{padding:14px 18px;border-top:1px solid var(--line)}
.monitor:first-child{border-top:0}
.row{display:flex;align-items:baseline;gap:10px;flex-wrap:wrap}
.name{font-weight:600}
.target{color:var(--muted);font-size:13px;word-break:break-all}
.latency{color:var(--muted);font-size:13px}
.state{margin-left:auto;font-size:14px;font-weight:600}
.state--operational{color:var(--ok)}.state--degraded{color:#c27c00}.state--down{color:var(--bad)}.state--maintenance{color:var(--maint)}.state--unknown{color:var(--muted)}
html[data-theme=dark] .state--degraded{color:var(--warn)}
@media (prefers-color-scheme:dark){html[data-theme=auto] .state--degraded{color:var(--warn)}}
.bars{display:flex;gap:2px;height:34px;margin:10px 0 4px}
.bars i{flex:1;border-radius:2px;background:var(--none);min-width:2px}
.bars i:hover{opacity:.7}
.bars .b-ok{background:var(--ok)}.bars .b-warn{background:var(--warn)}.bars .b-bad{background:var(--bad)}
.legend{display:flex;justify-content:space-between;color:var(--muted);font-size:12px}
.history .incident{border-left-color:var(--line)}
.empty{color:var(--muted)}
form{display:flex;gap:8px;flex-wrap:wrap;align-items:flex-end}
label{display:block;font-size:13px;color:var(--muted);margin-bottom:4px}
input[type=email]{font:inherit;padding:8px 10px;border-radius:8px;border:1px solid var(--line);background:var(--bg);color:var(--text);min-width:260px}
button{font:inherit;padding:8px 16px;border-radius:8px;border:0;background:var(--accent);color:#fff;cursor:pointer}
.card{padding:16px 18px}
footer{color:var(--muted);font-size:13px;text-align:center;padding:0 0 32px}
@media (max-width:600px){.bars{height:28px;gap:1px}.banner .updated{margin-left:0;width:100%}.top h1{font-size:18px}input[type=email]{min-width:0;width:100%}}
@media (prefers-reduced-motion:no-preference){.bars i{transition:opacity .1s}}
`;
