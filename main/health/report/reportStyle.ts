/** Light colours: the default, and always on paper. */
const LIGHT = 'color-scheme:light;--bg:#f4f6f9;--card:#fff;--text:#18212d;--muted:#5b6776;--line:#dde2e8;--code:#f1f3f7;--good:#137a3a;--good-bg:#e3f5ea;--warn:#8a5300;--warn-bg:#fdf0d5;--bad:#b42318;--bad-bg:#fde6e3;--info:#0b6a8a;--info-bg:#def3fa;--purple:#6b2fa3;--purple-bg:#f1e6fb;--gray-bg:#eceff3';

/** The flow health report's style sheet (allowed by its hash in the report's Content-Security-Policy). */
export const REPORT_STYLE = `
:root{${LIGHT}}
:root[data-theme=dark]{color-scheme:dark;--bg:#0f141b;--card:#18202b;--text:#e6ebf1;--muted:#9aa6b4;--line:#2b3644;--code:#111821;--good:#6fd39a;--good-bg:#133322;--warn:#f3c26b;--warn-bg:#3a2c10;--bad:#ff8f84;--bad-bg:#3d1714;--info:#7fd3ef;--info-bg:#0f2e3a;--purple:#cfa6f5;--purple-bg:#2c1a3f;--gray-bg:#222c38}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1120px;margin:0 auto;padding:24px 24px 48px}
h1{margin:0;font-size:24px;line-height:1.25;overflow-wrap:anywhere}h2{font-size:17px;margin:32px 0 12px}h3{margin:0;font-size:16px;overflow-wrap:anywhere}
.eyebrow{margin:0 0 2px;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.06em}
.summary{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:20px 24px}
.title-row{display:flex;justify-content:space-between;align-items:flex-start;gap:16px}
.controls{display:flex;gap:10px;align-items:center;flex:none}
.filter{display:flex;gap:6px;align-items:center;cursor:pointer;user-select:none}
.theme{font:inherit;color:inherit;background:transparent;border:1px solid var(--line);border-radius:8px;padding:4px 12px;cursor:pointer}
.headline{margin:14px 0 2px;font-size:20px;font-weight:650}.headline.bad{color:var(--bad)}.headline.warn{color:var(--warn)}.headline.good{color:var(--good)}
.meta{margin:0;color:var(--muted);overflow-wrap:anywhere}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:8px;margin-top:16px}
.legend{margin:12px 0 0;font-size:13px}
.tile{border-radius:10px;padding:8px 12px;background:var(--gray-bg);display:flex;flex-direction:column}
.tile strong{font-size:22px;line-height:1.2}.tile span{font-size:12px;color:var(--muted)}
.tile.bad{background:var(--bad-bg)}.tile.bad strong{color:var(--bad)}.tile.warn{background:var(--warn-bg)}.tile.warn strong{color:var(--warn)}.tile.good{background:var(--good-bg)}.tile.good strong{color:var(--good)}.tile.zero strong{color:var(--muted)}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px}
.flow{margin-bottom:14px;overflow:hidden}
.flow-head{display:flex;gap:12px;align-items:center;justify-content:space-between;padding:14px 18px 0}
.counts{margin:2px 18px 10px;color:var(--muted)}
.steps{list-style:none;margin:0;padding:0}
.step{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:16px;padding:14px 18px;border-top:1px solid var(--line);break-inside:avoid}
.steps.card .step:first-child{border-top:0}
.step-head{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.step-label{font-weight:600;overflow-wrap:anywhere}
.reason{margin:6px 0 0;overflow-wrap:anywhere}.reason.error{color:var(--bad)}
.details{margin:6px 0 0;color:var(--muted);font-size:13px;overflow-wrap:anywhere}.muted{color:var(--muted)}
.url{display:block;margin-top:4px;color:var(--info);font-size:13px;overflow-wrap:anywhere}
.chip{display:inline-flex;gap:5px;align-items:center;white-space:nowrap;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:650;background:var(--gray-bg);color:var(--muted)}
.chip .icon{font-weight:800}
.s-ok,.v-ok{background:var(--good-bg);color:var(--good)}.s-moved{background:var(--info-bg);color:var(--info)}.s-changed,.v-attention{background:var(--warn-bg);color:var(--warn)}
.s-ambiguous{background:var(--purple-bg);color:var(--purple)}.s-missing,.v-broken{background:var(--bad-bg);color:var(--bad)}
.selector-block{margin-top:8px}.selector-title{font-size:12px;font-weight:650;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.selectors{margin:2px 0 0;padding-left:20px}.selectors code{font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);border:1px solid var(--line);border-radius:5px;padding:0 5px;overflow-wrap:anywhere}
.suggested code{border-color:var(--good)}.current code{color:var(--muted)}
.notices{margin:6px 0 0;padding-left:18px;color:var(--muted);font-size:13px;overflow-wrap:anywhere}
.card.notices{padding:12px 18px 12px 36px}
.thumbs{display:flex;gap:10px;align-items:flex-start}
.thumb{margin:0;width:240px}
.frame{position:relative;border:1px solid var(--line);border-radius:8px;overflow:hidden;background:var(--gray-bg);min-height:60px}
.frame img{display:block;width:100%;height:auto}
.frame.empty{display:flex;align-items:center;justify-content:center;aspect-ratio:16/10;padding:8px;text-align:center}
.placeholder{color:var(--muted);font-size:12px}
.overlay{position:absolute;inset:auto 6px 6px auto;background:#b42318;color:#fff;border-radius:6px;padding:1px 8px;font-size:12px;font-weight:650}
figcaption{font-size:12px;color:var(--muted);margin-top:3px}
.all-good{display:none;text-align:center;padding:24px}
body.only-problems .step:not(.problem),body.only-problems .flow:not(.problem){display:none}
body.only-problems .group:not(:has(.problem)){display:none}
body.only-problems:not(:has(.problem)) .all-good{display:block}
@media (max-width:760px){.step{grid-template-columns:1fr}.thumb{width:auto;flex:1}.title-row{flex-direction:column}}
@media print{:root,:root[data-theme=dark]{${LIGHT};--bg:#fff}
main{max-width:none;padding:0}.controls{display:none}
.flow{break-inside:auto}.flow-head{break-after:avoid}.step{break-inside:avoid}.thumb{width:180px}
.chip,.tile,.overlay{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;
