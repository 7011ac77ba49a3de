// Inclusive share of the samples in an async-profiler flame graph (HTML) for frames whose name contains each pattern:
//   node bench/flame-summary.cjs bench/results/<run>/flame-initiate-auth-password.html BigInteger.modPow RSACore
// It reads the frame data the HTML embeds (a string pool and one call per frame) the way the page itself does.
const fs = require('fs');
const html = fs.readFileSync(process.argv[2], 'utf8');
const cpoolSrc = html.slice(html.indexOf('cpool = ['), html.indexOf('];', html.indexOf('cpool = [')) + 2);
eval('var ' + cpoolSrc);
for (let i = 1; i < cpool.length; i++) cpool[i] = cpool[i - 1].substring(0, cpool[i].charCodeAt(0) - 32) + cpool[i].substring(1);
const levels = []; let level0 = 0, left0 = 0, width0 = 0;
function f(key, level, left, width) { (levels[level0 = level] ||= []).push({level, left: left0 += left, width: width0 = width || width0, title: cpool[key >>> 3]}); }
function u(key, width) { f(key, level0 + 1, 0, width); }
function n(key, width) { f(key, level0, width0, width); }
const calls = html.split('\n').filter(l => /^(f|u|n)\(/.test(l)).join('\n');
eval(calls);
const total = levels[0][0].width;
const pats = process.argv.slice(3);
for (const p of pats) {
  // inclusive: union of intervals of frames whose title contains p
  const iv = [];
  for (const lv of levels) for (const fr of (lv||[])) if (fr.title.includes(p)) iv.push([fr.left, fr.left + fr.width]);
  iv.sort((a,b)=>a[0]-b[0]); let sum=0, cur=null;
  for (const [a,b] of iv) { if (!cur || a > cur[1]) { if (cur) sum += cur[1]-cur[0]; cur=[a,b]; } else cur[1]=Math.max(cur[1],b); }
  if (cur) sum += cur[1]-cur[0];
  console.log((100*sum/total).toFixed(1) + '%\t' + p);
}
console.log('total samples', total);
