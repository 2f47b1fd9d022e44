// Benchmark peer (e2e/bench.mjs): the page's default view computed in plain JavaScript and
// drawn with uPlot, from the same snapshot file. It does what the default view needs and no
// more: 90-day pairwise rolling correlations of bitcoin with QQQ and gold on US market days
// with 95 % Fisher intervals (last two years), daily bitcoin ETF net flows with their running
// total, and the 7-day mean ETH burn against modelled issuance with the net supply change
// since London. Marks `chart-drawn:<id>` when each chart has drawn, like the page.
'use strict';

// The snapshot file (ARCHITECTURE.md, "The snapshot file") into the columns this page uses:
// series and flow tables as { axis: { start, day_steps }, values | total }. No checks: the
// peer trusts its data, as a plain chart page would.
function readSnapshot(text) {
  const out = { series: {}, etf_flows: {} };
  let block = null;
  let field = null;
  const column = (header, tokens) => {
    const decimals = Number(/decimals=(\d+)/.exec(header)[1]);
    const scale = 10 ** decimals;
    const delta = /\bdelta\b/.test(header);
    let n = 0;
    return tokens.map((t) => {
      if (t === '_') return null;
      n = delta ? n + Number(t) : Number(t);
      return n / scale;
    });
  };
  const finish = () => {
    if (!block || (block.kind !== 'series' && block.kind !== 'flows')) return;
    const f = block.fields;
    const steps = (f.steps?.tokens ?? []).flatMap((t) => {
      const [d, k] = t.split('*');
      return Array(Number(k ?? 1)).fill(Number(d));
    });
    const axis = { start: f.start.tokens[0], day_steps: steps };
    if (block.kind === 'series') out.series[block.id] = { axis, values: column(f.values.header, f.values.tokens) };
    if (block.kind === 'flows') out.etf_flows[block.id] = { axis, total: column(f['column total'].header, f['column total'].tokens) };
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      finish();
      const [kind, id] = line.slice(1, -1).split(' ');
      block = { kind, id, fields: {} };
      continue;
    }
    if (!block) continue;
    if (line.startsWith('>')) {
      field?.tokens.push(...line.slice(1).trim().split(/\s+/));
      continue;
    }
    const words = line.split(/\s+/);
    const name = words[0] === 'column' ? `column ${words[1]}` : words[0];
    const rest = words.slice(words[0] === 'column' ? 2 : 1);
    const header = rest.filter((w) => /^(decimals=|delta$|plain$)/.test(w)).join(' ');
    field = { header, tokens: rest.filter((w) => !/^(decimals=|delta$|plain$)/.test(w)) };
    block.fields[name] = field;
  }
  finish();
  return out;
}

(async () => {
  const DAY = 86400000;
  const snap = readSnapshot(await (await fetch('data/snapshot.txt')).text());
  performance.mark('snapshot-parsed');

  const axis = (a) => {
    const out = [Date.parse(`${a.start}T00:00:00Z`)];
    for (const s of a.day_steps) out.push(out[out.length - 1] + s * DAY);
    return out;
  };
  const series = (id) => ({ t: axis(snap.series[id].axis), v: snap.series[id].values });
  const sampleOn = (dates, s) => {
    const at = new Map(s.t.map((t, i) => [t, s.v[i]]));
    return dates.map((t) => at.get(t) ?? null);
  };
  const logReturns = (v) => v.map((p, i) => (i > 0 && p > 0 && v[i - 1] > 0 ? Math.log(p / v[i - 1]) : null));

  // The last w days on which both have a value, reaching back at most 2w days.
  function rollingPairwise(a, b, w) {
    const at = [], xs = [], ys = [];
    for (let i = 0; i < a.length; i++) if (a[i] != null && b[i] != null) { at.push(i); xs.push(a[i]); ys.push(b[i]); }
    const r = new Array(xs.length).fill(null);
    let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k], y = ys[k];
      sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
      if (k >= w) { const u = xs[k - w], v = ys[k - w]; sx -= u; sy -= v; sxx -= u * u; syy -= v * v; sxy -= u * v; }
      if (k >= w - 1) {
        const cxx = sxx - sx * sx / w, cyy = syy - sy * sy / w, cxy = sxy - sx * sy / w;
        const d = Math.sqrt(cxx * cyy);
        r[k] = d > 0 ? Math.max(-1, Math.min(1, cxy / d)) : null;
      }
    }
    const t = Math.tanh(1.96 / Math.sqrt(w - 3));
    const out = { r: new Array(a.length).fill(null), lo: new Array(a.length).fill(null), hi: new Array(a.length).fill(null) };
    let k = 0;
    for (let i = 0; i < a.length; i++) {
      while (k < at.length && at[k] <= i) k++;
      const last = k - 1;
      if (last < w - 1 || i + 1 - at[last + 1 - w] > 2 * w || r[last] == null) continue;
      const v = r[last];
      out.r[i] = v; out.lo[i] = (v - t) / (1 - v * t); out.hi[i] = (v + t) / (1 + v * t);
    }
    return out;
  }

  const width = () => Math.min(1100, document.body.clientWidth - 32);
  const drawn = (id, count) => {
    let left = count;
    return { hooks: { draw: [() => { if (--left === 0) performance.mark(`chart-drawn:${id}`); }] } };
  };

  // 1. Correlation: price panel (log) and the correlation panel, last two years.
  {
    const btc = series('btc_usd');
    const dates = series('spy').t.filter((t) => t >= btc.t[0]);
    const btcLevels = sampleOn(dates, btc);
    const btcRet = logReturns(btcLevels);
    const qqq = rollingPairwise(btcRet, logReturns(sampleOn(dates, series('qqq'))), 90);
    const gld = rollingPairwise(btcRet, logReturns(sampleOn(dates, series('gld'))), 90);
    const from = dates.findIndex((t) => t >= dates[dates.length - 1] - 730 * DAY);
    const x = dates.slice(from).map((t) => t / 1000);
    const cut = (v) => v.slice(from);
    const el = document.getElementById('correlation');
    const hook = drawn('correlation', 2);
    new uPlot({ ...hook, width: width(), height: 200, scales: { y: { distr: 3 } },
      series: [{}, { label: 'Bitcoin (US$)', stroke: '#444' }] }, [x, cut(btcLevels)], el);
    new uPlot({ ...hook, width: width(), height: 260, scales: { y: { range: [-1, 1] } },
      bands: [{ series: [3, 2], fill: 'rgba(0,114,178,0.15)' }, { series: [6, 5], fill: 'rgba(230,159,0,0.15)' }],
      series: [{},
        { label: 'Nasdaq-100 (QQQ)', stroke: '#0072b2' }, { show: true, stroke: 'transparent' }, { stroke: 'transparent' },
        { label: 'Gold (GLD)', stroke: '#e69f00' }, { stroke: 'transparent' }, { stroke: 'transparent' }] },
    [x, cut(qqq.r), cut(qqq.lo), cut(qqq.hi), cut(gld.r), cut(gld.lo), cut(gld.hi)], el);
  }

  // 2. Flows: daily net flows of the US spot bitcoin ETFs and their running total.
  {
    const f = snap.etf_flows.btc;
    const x = axis(f.axis).map((t) => t / 1000);
    let sum = 0;
    const cumulative = f.total.map((v) => (sum += v) / 1000);
    const el = document.getElementById('flows');
    const hook = drawn('flows', 2);
    new uPlot({ ...hook, width: width(), height: 260,
      series: [{}, { label: 'Daily net flow (US$ m)', fill: '#0072b2', paths: uPlot.paths.bars({ size: [0.8, 8] }) }] },
    [x, f.total], el);
    new uPlot({ ...hook, width: width(), height: 160, series: [{}, { label: 'Cumulative (US$ bn)', stroke: '#444' }] },
      [x, cumulative], el);
  }

  // 3. Burn: 7-day mean burn against modelled issuance, and the net supply change since London.
  {
    const burn = series('eth_burn');
    const staked = series('eth_staked');
    const merge = Date.parse('2022-09-15T00:00:00Z');
    const stake = sampleOn(burn.t, staked);
    const issuance = burn.t.map((t, i) => (t < merge ? 14000 : stake[i] > 0 ? (166.3 * Math.sqrt(stake[i])) / 365.25 : null));
    const mean7 = (v) => v.map((_, i) => {
      if (i < 6) return null;
      let s = 0;
      for (let j = i - 6; j <= i; j++) { if (v[j] == null) return null; s += v[j]; }
      return s / 7;
    });
    let net = 0;
    const cumulative = burn.v.map((b, i) => (b == null || issuance[i] == null ? null : (net += issuance[i] - b)));
    const x = burn.t.map((t) => t / 1000);
    const el = document.getElementById('burn');
    const hook = drawn('burn', 2);
    new uPlot({ ...hook, width: width(), height: 260, series: [{},
      { label: 'ETH burned, 7-day mean', stroke: '#d55e00' }, { label: 'Issuance (model), 7-day mean', stroke: '#0072b2' }] },
    [x, mean7(burn.v), mean7(issuance)], el);
    new uPlot({ ...hook, width: width(), height: 160, series: [{}, { label: 'Net supply change since London (ETH, model)', stroke: '#444' }] },
      [x, cumulative], el);
  }
})();
