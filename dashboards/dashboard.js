// The sweeper dashboard: draws every panel from the JSON block the page carries (#sweeper-data).
// Text from sweeps (names, parameters, errors) only ever reaches the page as textContent or
// through escapeHtml into ECharts tooltips; the Content-Security-Policy blocks any network use.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('sweeper-data').textContent);
  var charts = {};
  // For people debugging a page and for the browser test: the data and every chart by name.
  window.sweeperDashboard = { data: data, charts: charts, errors: [], timings: {} };
  window.addEventListener('error', function (e) { window.sweeperDashboard.errors.push(String(e.message)); });

  var STATE_COLORS = { finished: '#2f6fdf', pruned: '#8d99a6', failed: '#c62828', running: '#2e7d32',
    queued: '#f0b429', cancelled: '#b0b7bf' };
  var SWEEP_COLORS = ['#2f6fdf', '#e8590c', '#2e7d32', '#8e24aa', '#00838f', '#c2185b'];
  var main = document.getElementById('main');

  // ---- small helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** Four significant digits, as `sweeper show` prints metrics. */
  function fmt(v) {
    if (v === null || v === undefined) return '-';
    if (typeof v !== 'number') return String(v);
    if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
    if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(3);
    return String(Number(v.toPrecision(4)));
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '-';
    var s = Math.max(0, Math.round(seconds));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    var mm = (h > 0 && m < 10 ? '0' : '') + m, ss = (r < 10 ? '0' : '') + r;
    return h > 0 ? h + ':' + mm + ':' + ss : m + ':' + ss;
  }

  function panel(id, title, caption, wide) {
    var section = el('section', { class: 'panel' + (wide ? ' wide' : ''), id: id }, [
      el('h2', { text: title }), el('p', { class: 'caption', text: caption })]);
    main.appendChild(section);
    return section;
  }

  function empty(section, why) {
    section.appendChild(el('p', { class: 'empty', text: why }));
    section.setAttribute('data-empty', 'true');
  }

  // Chart data hold only numbers: ECharts deep-copies every option it is given, so a data item that
  // referenced a trial (or worse, its sweep, which holds every trial and curve) made drawing a page
  // quadratic in the trials (a 1,000-trial page never finished). Tooltips find their trial instead
  // by the item's index (ECharts reports the raw index even when a data zoom filters), in a list
  // kept beside the chart.
  function chart(section, name, option, size) {
    var div = el('div', { class: 'chart' + (size ? ' ' + size : ''), 'data-chart': name });
    section.appendChild(div);
    var instance = echarts.init(div, null, { renderer: 'canvas' });
    instance.setOption(Object.assign({ animation: false }, option));
    charts[name] = instance;
    return instance;
  }

  function better(sweep, a, b) { return sweep.goal === 'maximize' ? a > b : a < b; }

  /** Trials that ran to an end with a value: what rankings, history and importance rest on. */
  function ranked(sweep) {
    return sweep.trials.filter(function (t) {
      return (t.state === 'finished' || t.state === 'pruned') && t.value !== null && t.value !== undefined;
    });
  }

  function noValueYet(sweep) {
    return 'No trial of ' + sweep.name + ' has finished with a value of ' + sweep.metric
      + ' yet: this panel fills in as trials finish.';
  }

  function tooltipTrial(sweep, t) {
    var lines = ['<b>trial ' + t.n + '</b> (' + escapeHtml(t.state) + ')',
      escapeHtml(sweep.metric) + ': ' + escapeHtml(fmt(t.value))];
    sweep.params.forEach(function (p) { lines.push(escapeHtml(p.name) + ' = ' + escapeHtml(fmt(t.p[p.name]))); });
    return lines.join('<br>');
  }

  function valueAxisFor(p, extra) {
    return Object.assign(p.scale === 'log' ? { type: 'log' } : p.scale === 'categorical'
      ? { type: 'category' } : { type: 'value', scale: true }, { name: p.name }, extra || {});
  }

  function categories(sweep, p) {
    var seen = [];
    sweep.trials.forEach(function (t) {
      var v = String(t.p[p.name]);
      if (seen.indexOf(v) < 0) seen.push(v);
    });
    return seen.sort();
  }

  function paramValue(t, p) { return p.scale === 'categorical' ? String(t.p[p.name]) : t.p[p.name]; }

  // ---- page head

  var names = data.sweeps.map(function (s) { return s.name; });
  document.title = names.join(' vs ') + ' — sweeper dashboard';
  document.getElementById('title').textContent = names.join(' vs ');
  var status = document.getElementById('status');
  if (data.live) status.appendChild(el('span', { class: 'live', text: 'running' }));
  status.appendChild(document.createTextNode((data.live
    ? 'A sweep is still running: this page reloads itself every 30 s. ' : '')
    + 'Generated ' + new Date(data.generatedAt).toLocaleString() + '.'));

  // ---- header: one per sweep

  data.sweeps.forEach(function (sweep) {
    var section = panel('header-' + sweep.id, 'Sweep ' + sweep.name + ' (id ' + sweep.id + ')',
      'What ran and what won; the YAML is the best trial\'s configuration as `sweeper best` writes it.', false);
    var counts = Object.keys(sweep.counts).filter(function (k) { return sweep.counts[k] > 0; })
      .map(function (k) { return sweep.counts[k] + ' ' + k; }).join(', ') || 'no trials yet';
    var facts = [['method', sweep.method + (sweep.program === 'train' ? ' (built-in trainer)' : ' (own program)')],
      ['metric', sweep.metric + ' (' + sweep.goal + ')'], ['state', sweep.state], ['trials', counts],
      ['wall time', duration(sweep.wallSeconds)],
      ['CPU time', fmt(sweep.trialHours) + ' trial-hours (sum of trial durations)'],
      ['best', sweep.best ? fmt(sweep.best.value) + ' — trial ' + sweep.best.number + ' at epoch ' + sweep.best.epoch
        : 'none yet: no trial has finished with a value']];
    if (sweep.earlyTerminate) facts.push(['early termination', sweep.earlyTerminate.type]);
    var dl = el('dl', { class: 'facts' });
    facts.forEach(function (f) { dl.appendChild(el('dt', { text: f[0] })); dl.appendChild(el('dd', { text: f[1] })); });
    section.appendChild(dl);
    if (sweep.best) {
      var copy = el('button', { type: 'button', text: 'Copy YAML' });
      var pre = el('pre', { class: 'yaml', text: sweep.best.yaml });
      copy.addEventListener('click', function () {
        var done = function () { copy.textContent = 'Copied'; };
        if (navigator.clipboard) navigator.clipboard.writeText(sweep.best.yaml).then(done, function () { selectText(pre); });
        else selectText(pre);
      });
      section.appendChild(el('div', { class: 'toolbar' }, [el('h3', { text: 'Best configuration' }), copy]));
      section.appendChild(pre);
    }
  });

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  }

  // ---- comparisons over every sweep: optimization history and EDF

  /** The series of one history chart and, by series index, the trials its dots stand for. */
  function historySeries(x) {
    var series = [], trialsOf = [];
    data.sweeps.forEach(function (sweep, i) {
      var color = SWEEP_COLORS[i % SWEEP_COLORS.length];
      var points = ranked(sweep).filter(function (t) { return x(t) !== null && x(t) !== undefined; })
        .sort(function (a, b) { return x(a) - x(b); });
      var best = null, line = [];
      points.forEach(function (t) {
        if (best === null || better(sweep, t.value, best)) best = t.value;
        line.push([x(t), best]);
      });
      trialsOf[series.length] = { sweep: sweep, trials: points };
      series.push({ name: sweep.name + ': trials', type: 'scatter', symbolSize: 5, itemStyle: { color: color, opacity: 0.55 },
        data: points.map(function (t) { return [x(t), t.value]; }) });
      series.push({ name: sweep.name + ': best so far', type: 'line', step: 'end', showSymbol: false,
        lineStyle: { color: color, width: 2 }, itemStyle: { color: color }, data: line });
    });
    return { series: series, trialsOf: trialsOf };
  }

  function historyChart(section, name, axisName, x) {
    var history = historySeries(x);
    chart(section, name, {
      tooltip: { trigger: 'item', formatter: function (p) {
        var dots = history.trialsOf[p.seriesIndex];
        return dots ? tooltipTrial(dots.sweep, dots.trials[p.dataIndex]) : escapeHtml(p.seriesName) + ': ' + escapeHtml(fmt(p.value[1]));
      } },
      legend: { type: 'scroll', top: 0 }, grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: axisName, nameLocation: 'middle', nameGap: 26, scale: true },
      yAxis: { type: 'value', name: data.sweeps[0].metric, scale: true },
      dataZoom: [{ type: 'inside' }],
      series: history.series
    });
  }

  var anyValue = data.sweeps.some(function (s) { return ranked(s).length > 0; });
  var compared = data.sweeps.length > 1 ? ' Each sweep in its own colour.' : '';
  var edf = panel('edf', 'Empirical distribution of ' + data.sweeps[0].metric,
    'The share of trials (y) that reached at most each value (x): a curve further toward the better end means a search that'
    + ' finds good configurations more often.' + compared, false);
  if (!anyValue) {
    empty(edf, noValueYet(data.sweeps[0]));
  } else {
    chart(edf, 'edf', {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: data.sweeps[0].metric, nameLocation: 'middle', nameGap: 26, scale: true },
      yAxis: { type: 'value', name: 'share of trials', min: 0, max: 1 },
      series: data.sweeps.map(function (sweep, i) {
        var values = ranked(sweep).map(function (t) { return t.value; }).sort(function (a, b) { return a - b; });
        return { name: sweep.name, type: 'line', step: 'end', showSymbol: false,
          lineStyle: { color: SWEEP_COLORS[i % SWEEP_COLORS.length] }, itemStyle: { color: SWEEP_COLORS[i % SWEEP_COLORS.length] },
          data: values.map(function (v, k) { return [v, (k + 1) / values.length]; }) };
      })
    });
  }

  var history = panel('history', 'Optimization history',
    'Dots: each trial\'s best value; line: the best so far. Left by trial number, right by when the trial ended'
    + ' (minutes after the sweep started): a line that keeps stepping means the search still finds better configurations.' + compared, true);
  if (!anyValue) {
    empty(history, noValueYet(data.sweeps[0]));
  } else {
    var pair = el('div', { class: 'pair' });
    history.appendChild(pair);
    var left = el('div'), right = el('div');
    pair.appendChild(left); pair.appendChild(right);
    historyChart(left, 'history-number', 'trial number', function (t) { return t.n; });
    historyChart(right, 'history-time', 'minutes after start', function (t) {
      return t.end === undefined ? null : Math.round(t.end / 60 * 1000) / 1000;
    });
  }

  /** Runs one panel's drawing and adds its time to sweeperDashboard.timings (milliseconds by panel). */
  function timed(name, draw) {
    var start = performance.now();
    var result = draw();
    var timings = window.sweeperDashboard.timings;
    timings[name] = (timings[name] || 0) + Math.round(performance.now() - start);
    return result;
  }

  // ---- per sweep

  data.sweeps.forEach(function (sweep) {
    if (data.sweeps.length > 1) {
      main.appendChild(el('section', { class: 'sweep-title' }, [el('h2', { text: 'Sweep ' + sweep.name + ' (id ' + sweep.id + ')' })]));
    }
    // Wide panels span the page; the others pair up two by two.
    var leaderboard = timed('leaderboard', function () { return leaderboardPanel(sweep); });
    timed('curves', function () { learningCurvesPanel(sweep); });
    var order = timed('importance', function () { return importancePanel(sweep); });
    timed('parallel', function () { parallelPanel(sweep, leaderboard); });
    timed('slices', function () { slicePanel(sweep, order); });
    timed('timeline', function () { timelinePanel(sweep); });
    timed('contour', function () { contourPanel(sweep, order); });
    timed('best', function () { bestTrialPanels(sweep); });
  });

  // ---- leaderboard: sortable, filterable, CSV, brushed from the parallel coordinates

  function leaderboardPanel(sweep) {
    var MAX_ROWS = 500;
    var section = panel('leaderboard-' + sweep.id, 'Leaderboard',
      'Every trial, best first; click a header to sort, type to filter, brush the parallel coordinates to select.'
      + ' Failed trials in red, pruned in grey; values rounded (the CSV has them exact).', true);
    var constants = Object.keys(sweep.constants);
    if (constants.length > 0) {
      section.appendChild(el('p', { class: 'note', text: 'Same in every trial: ' + constants.map(function (k) {
        return k + ' = ' + fmt(sweep.constants[k]);
      }).join(', ') }));
    }
    var columns = [
      { key: 'n', label: '#', get: function (t) { return t.n; } },
      { key: 'state', label: 'state', text: true, get: function (t) { return t.state; } },
      { key: 'value', label: sweep.metric, get: function (t) { return t.value; } },
      { key: 'epoch', label: 'at epoch', get: function (t) { return t.epoch; } },
      { key: 'epochs', label: 'epochs', get: function (t) { return t.epochs; } },
      { key: 'time', label: 'time', get: function (t) { return t.start === undefined ? null : (t.end === undefined ? sweep.wallSeconds : t.end) - t.start; },
        show: duration }
    ].concat(sweep.params.map(function (p) {
      return { key: 'p:' + p.name, label: p.name, text: p.scale === 'categorical', get: function (t) { return t.p[p.name]; } };
    })).concat([{ key: 'error', label: 'error', text: true, get: function (t) { return t.error; } }]);
    var sort = { column: columns[2], descending: sweep.goal === 'maximize' };
    var filterText = '';
    var brushed = null;

    var input = el('input', { type: 'search', placeholder: 'filter: any cell text, e.g. pruned or adam' });
    var csv = el('a', { class: 'button', download: sweep.name.replace(/[^A-Za-z0-9._-]+/g, '_') + '-trials.csv', text: 'Download CSV' });
    var note = el('span', { class: 'note' });
    var clear = el('button', { type: 'button', text: 'Clear brush' });
    clear.style.display = 'none';
    section.appendChild(el('div', { class: 'toolbar' }, [input, csv, clear, note]));
    var table = el('table', { 'data-table': 'leaderboard' });
    section.appendChild(el('div', { class: 'table-wrap' }, [table]));
    if (sweep.trials.length === 0) empty(section, 'This sweep has no trials yet.');

    csv.setAttribute('href', 'data:text/csv;charset=utf-8,' + encodeURIComponent(csvText()));

    function csvText() {
      var all = ['number', 'state', sweep.metric, 'best_epoch', 'epochs', 'seconds', 'worker']
        .concat(sweep.params.map(function (p) { return p.name; })).concat(constants).concat(['error']);
      var lines = [all.map(csvField).join(',')];
      sweep.trials.forEach(function (t) {
        lines.push([t.n, t.state, t.value, t.epoch, t.epochs, columns[5].get(t), t.worker]
          .concat(sweep.params.map(function (p) { return t.p[p.name]; }))
          .concat(constants.map(function (k) { return sweep.constants[k]; })).concat([t.error]).map(csvField).join(','));
      });
      return lines.join('\n') + '\n';
    }

    function csvField(v) {
      var s = v === null || v === undefined ? '' : String(v);
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }

    function compare(a, b) {
      var x = sort.column.get(a), y = sort.column.get(b);
      var missingX = x === null || x === undefined, missingY = y === null || y === undefined;
      if (missingX || missingY) return missingX === missingY ? a.n - b.n : (missingX ? 1 : -1);
      var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (sort.descending ? -c : c) || a.n - b.n;
    }

    function render() {
      var needle = filterText.toLowerCase();
      var rows = sweep.trials.filter(function (t) {
        if (brushed && !brushed[t.n]) return false;
        if (!needle) return true;
        return columns.some(function (c) { var v = c.get(t); return v !== undefined && v !== null && String(c.show ? c.show(v) : fmt(v)).toLowerCase().indexOf(needle) >= 0; });
      }).sort(compare);
      table.textContent = '';
      var head = el('tr');
      columns.forEach(function (c) {
        var th = el('th', { class: (c.text ? 'text ' : '') + (sort.column === c ? (sort.descending ? 'sorted-desc' : 'sorted-asc') : ''), text: c.label });
        th.addEventListener('click', function () {
          sort = { column: c, descending: sort.column === c ? !sort.descending : false };
          render();
        });
        head.appendChild(th);
      });
      table.appendChild(el('thead', {}, [head]));
      var body = el('tbody');
      rows.slice(0, MAX_ROWS).forEach(function (t) {
        var tr = el('tr', { class: 'state-' + t.state + (sweep.best && sweep.best.number === t.n ? ' best' : ''), 'data-trial': String(t.n) });
        columns.forEach(function (c) {
          var v = c.get(t);
          tr.appendChild(el('td', { class: c.text ? 'text' : '', text: v === undefined || v === null ? '-' : (c.show ? c.show(v) : fmt(v)), title: c.key === 'error' && v ? v : '' }));
        });
        body.appendChild(tr);
      });
      table.appendChild(body);
      note.textContent = rows.length + ' of ' + sweep.trials.length + ' trials'
        + (brushed ? ' (selected in the parallel coordinates)' : '')
        + (rows.length > MAX_ROWS ? '; the first ' + MAX_ROWS + ' shown: filter, or download the CSV for all' : '');
      clear.style.display = brushed ? '' : 'none';
    }

    input.addEventListener('input', function () { filterText = input.value; render(); });
    render();
    return {
      select: function (numbers, onClear) {
        brushed = numbers;
        clear.onclick = function () { brushed = null; render(); if (onClear) onClear(); };
        render();
      }
    };
  }

  // ---- learning curves

  function learningCurvesPanel(sweep) {
    var section = panel('curves-' + sweep.id, 'Learning curves',
      'Every trial\'s ' + sweep.metric + ' per epoch: the ' + 10 + ' best trials in colour, the others in light blue,'
      + ' pruned trials dashed grey' + (sweep.earlyTerminate ? '; vertical marks: the epochs where ' + sweep.earlyTerminate.type
        + ' compares trials' : '') + '.', false);
    var curves = sweep.curves.trials;
    if (curves.length === 0) {
      empty(section, 'No trial has recorded ' + sweep.metric + ' per epoch yet.');
      return;
    }
    if (curves.length < sweep.curves.recorded) {
      section.appendChild(el('p', { class: 'note', text: 'Downsampled: the curves of ' + curves.length + ' of the '
        + sweep.curves.recorded + ' trials, the top 10 and an even sample of the others, so the page stays quick.' }));
    }
    if (sweep.curves.stride > 1) {
      section.appendChild(el('p', { class: 'note', text: 'Downsampled: ' + sweep.curves.points + ' points; trials outside'
        + ' the top 10 show every ' + sweep.curves.stride + 'th epoch (and their last), so the page stays quick.' }));
    }
    function joined(list) {
      var points = [];
      list.forEach(function (c) {
        c.e.forEach(function (e, k) { points.push([e, c.v[k]]); });
        points.push(['-', '-']);
      });
      return points;
    }
    var maxEpoch = 0;
    curves.forEach(function (c) { maxEpoch = Math.max(maxEpoch, c.e[c.e.length - 1] || 0); });
    var series = [
      { name: 'other trials', type: 'line', showSymbol: false, connectNulls: false, silent: true,
        lineStyle: { color: '#9fb8e6', width: 1, opacity: 0.6 }, itemStyle: { color: '#9fb8e6' },
        data: joined(curves.filter(function (c) { return !c.top && c.state !== 'pruned'; })) },
      { name: 'pruned', type: 'line', showSymbol: false, connectNulls: false, silent: true,
        lineStyle: { color: '#8d99a6', width: 1, type: 'dashed', opacity: 0.7 }, itemStyle: { color: '#8d99a6' },
        data: joined(curves.filter(function (c) { return !c.top && c.state === 'pruned'; })) }
    ];
    curves.filter(function (c) { return c.top; }).forEach(function (c) {
      series.push({ name: '#' + c.n, type: 'line', showSymbol: false, lineStyle: { width: 2.2, type: c.state === 'pruned' ? 'dashed' : 'solid' },
        data: c.e.map(function (e, k) { return [e, c.v[k]]; }) });
    });
    if (sweep.earlyTerminate) {
      series[0].markLine = { silent: true, symbol: 'none', lineStyle: { color: '#e8590c', type: 'dotted' },
        label: { formatter: 'rung {c}' },
        data: sweep.earlyTerminate.marks.filter(function (m) { return m <= maxEpoch; }).map(function (m) { return { xAxis: m }; }) };
    }
    chart(section, 'curves-' + sweep.id, {
      tooltip: { trigger: 'item', formatter: function (p) { return escapeHtml(p.seriesName) + '<br>epoch ' + p.value[0] + ': ' + escapeHtml(fmt(p.value[1])); } },
      legend: { type: 'scroll', top: 0 }, grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
      yAxis: { type: 'value', name: sweep.metric, scale: true },
      series: series
    }, 'tall');
  }

  // ---- parallel coordinates

  function parallelPanel(sweep, leaderboard) {
    var section = panel('parallel-' + sweep.id, 'Parallel coordinates',
      'One line per trial across the varying parameters to ' + sweep.metric + ', coloured by it; drag along an axis to'
      + ' select a range (the leaderboard shows the selected trials). Log axes for log-scale parameters.', true);
    var trials = ranked(sweep);
    if (trials.length === 0) { empty(section, noValueYet(sweep)); return; }
    if (sweep.params.length === 0) { empty(section, 'No parameter varies between the trials.'); return; }
    var axes = sweep.params.map(function (p, i) {
      var axis = valueAxisFor(p, { dim: i, id: 'param-' + i });
      if (p.scale === 'categorical') axis.data = categories(sweep, p);
      return axis;
    });
    axes.push({ dim: axes.length, id: 'metric', name: sweep.metric, type: 'value', scale: true, nameTextStyle: { fontWeight: 'bold' } });
    var values = trials.map(function (t) { return t.value; });
    var instance = chart(section, 'parallel-' + sweep.id, {
      parallelAxis: axes,
      parallel: { left: 60, right: 80, top: 50, bottom: 30 },
      visualMap: { type: 'continuous', dimension: axes.length - 1, min: Math.min.apply(null, values), max: Math.max.apply(null, values),
        inRange: { color: sweep.goal === 'maximize' ? ['#d4e4fb', '#2f6fdf', '#0b2e6b'] : ['#0b2e6b', '#2f6fdf', '#d4e4fb'] },
        right: 0, top: 'middle', calculable: false, itemHeight: 160, text: ['', sweep.metric] },
      series: [{ type: 'parallel', lineStyle: { width: 1.2, opacity: 0.6 }, inactiveOpacity: 0.03, activeOpacity: 0.9,
        progressive: 2000, smooth: false,
        data: trials.map(function (t) { return sweep.params.map(function (p) { return paramValue(t, p); }).concat([t.value]); }) }]
    }, 'tall');
    instance.on('axisareaselected', function () {
      var model = instance.getModel().getSeries()[0];
      var inactive = model.getRawIndicesByActiveState('inactive');
      if (inactive.length === 0) { leaderboard.select(null); return; }
      var selected = {};
      model.getRawIndicesByActiveState('active').forEach(function (i) { selected[trials[i].n] = true; });
      leaderboard.select(selected, function () {
        axes.forEach(function (axis) { instance.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: axis.id, intervals: [] }); });
      });
    });
  }

  // ---- parameter importance

  function importancePanel(sweep) {
    var imp = sweep.importance;
    var section = panel('importance-' + sweep.id, 'Parameter importance',
      'Bars: ' + imp.method + ', over ' + imp.trials + ' finished trials (shares sum to 1: how differently the best trials\''
      + ' values are spread from all trials\'). Correlation: W&B\'s signed linear correlation of the value with ' + sweep.metric + '.', false);
    if (imp.rows.length === 0) {
      empty(section, imp.trials < imp.minTrials
        ? 'Importance needs at least ' + imp.minTrials + ' finished trials; this sweep has ' + imp.trials
          + '. A ranking of fewer would be noise presented as knowledge.'
        : 'No parameter varies, so none can matter.');
      return sweep.params.map(function (p) { return p.name; });
    }
    var rows = imp.rows.slice().reverse();
    chart(section, 'importance-' + sweep.id, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 140, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: 'importance', min: 0 },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.param; }) },
      series: [{ type: 'bar', name: 'importance', itemStyle: { color: '#2f6fdf' }, data: rows.map(function (r) { return r.importance; }) }]
    }, 'small');
    var table = el('table', { 'data-table': 'importance' });
    table.appendChild(el('thead', {}, [el('tr', {}, [el('th', { class: 'text', text: 'parameter' }),
      el('th', { text: 'importance' }), el('th', { text: 'correlation' })])]));
    var body = el('tbody');
    imp.rows.forEach(function (r) {
      var corr = el('td', { text: r.correlation === null ? '- (categorical)' : (r.correlation > 0 ? '+' : '') + r.correlation.toFixed(2) });
      if (r.correlation !== null) corr.style.color = r.correlation > 0 ? '#2e7d32' : '#c62828';
      body.appendChild(el('tr', {}, [el('td', { class: 'text', text: r.param }), el('td', { text: r.importance.toFixed(3) }), corr]));
    });
    table.appendChild(body);
    section.appendChild(table);
    return imp.rows.map(function (r) { return r.param; });
  }

  // ---- slice plots

  function slicePanel(sweep, order) {
    var MAX_SLICES = 12;
    var section = panel('slices-' + sweep.id, 'Slice plots',
      sweep.metric + ' against each varying parameter (most important first), one dot per trial, darker = later trial:'
      + ' a clear trend means the parameter matters; a band means it does not.', true);
    var trials = ranked(sweep);
    if (trials.length === 0) { empty(section, noValueYet(sweep)); return; }
    var params = order.map(function (name) { return sweep.params.filter(function (p) { return p.name === name; })[0]; })
      .filter(Boolean).slice(0, MAX_SLICES);
    if (params.length === 0) { empty(section, 'No parameter varies between the trials.'); return; }
    var grid = el('div', { class: 'grid' });
    section.appendChild(grid);
    var last = Math.max.apply(null, trials.map(function (t) { return t.n; }));
    params.forEach(function (p) {
      var cell = el('div');
      grid.appendChild(cell);
      var x = valueAxisFor(p, { nameLocation: 'middle', nameGap: 26 });
      if (p.scale === 'categorical') x.data = categories(sweep, p);
      chart(cell, 'slice-' + sweep.id + '-' + p.name, {
        tooltip: { trigger: 'item', formatter: function (q) { return tooltipTrial(sweep, trials[q.dataIndex]); } },
        grid: { left: 55, right: 15, top: 15, bottom: 45 },
        xAxis: x, yAxis: { type: 'value', scale: true, name: sweep.metric },
        visualMap: { show: false, dimension: 2, min: 0, max: last, inRange: { color: ['#c5d8f7', '#0b2e6b'] } },
        series: [{ type: 'scatter', symbolSize: 6, data: trials.map(function (t) { return [paramValue(t, p), t.value, t.n]; }) }]
      }, 'small');
    });
  }

  // ---- contour of the two most important parameters

  function contourPanel(sweep, order) {
    var section = panel('contour-' + sweep.id, 'Contour of the top two parameters',
      'The metric over the two most important parameters, interpolated between trials (inverse-distance weighting);'
      + ' dots are trials. Look for the region of the best colour, and whether the best trials sit at an edge of the range.', false);
    var trials = ranked(sweep);
    var two = order.map(function (name) { return sweep.params.filter(function (p) { return p.name === name; })[0]; })
      .filter(function (p) { return p && p.scale !== 'categorical'; }).slice(0, 2);
    if (trials.length < 3) { empty(section, trials.length === 0 ? noValueYet(sweep) : 'A contour needs at least 3 trials with a value.'); return; }
    if (two.length < 2) { empty(section, 'A contour needs two varying numeric parameters; this sweep has ' + two.length + '.'); return; }
    var G = 30;
    function scale(p) {
      var vals = trials.map(function (t) { return t.p[p.name]; });
      var log = p.scale === 'log';
      var f = log ? Math.log : function (v) { return v; };
      var lo = Math.min.apply(null, vals.map(f)), hi = Math.max.apply(null, vals.map(f));
      if (hi === lo) hi = lo + 1;
      return { p: p, f: f, lo: lo, hi: hi, inv: log ? Math.exp : function (v) { return v; } };
    }
    var sx = scale(two[0]), sy = scale(two[1]);
    var norm = function (s, v) { return (s.f(v) - s.lo) / (s.hi - s.lo); };
    var pts = trials.map(function (t) { return [norm(sx, t.p[sx.p.name]), norm(sy, t.p[sy.p.name]), t.value]; });
    var cells = [], min = Infinity, max = -Infinity;
    for (var i = 0; i < G; i++) {
      for (var j = 0; j < G; j++) {
        var x = (i + 0.5) / G, y = (j + 0.5) / G, num = 0, den = 0, exact = null;
        pts.forEach(function (q) {
          var d2 = (q[0] - x) * (q[0] - x) + (q[1] - y) * (q[1] - y);
          if (d2 < 1e-12) exact = q[2];
          var w = 1 / (d2 * d2 + 1e-12);
          num += w * q[2]; den += w;
        });
        var v = exact !== null ? exact : num / den;
        min = Math.min(min, v); max = Math.max(max, v);
        cells.push([i, j, v]);
      }
    }
    var labels = function (s) {
      var out = [];
      for (var k = 0; k < G; k++) out.push(fmt(Number(s.inv(s.lo + (k + 0.5) / G * (s.hi - s.lo)).toPrecision(3))));
      return out;
    };
    var axis = function (s, extra) {
      return Object.assign(s.p.scale === 'log' ? { type: 'log' } : { type: 'value' },
        { min: s.inv(s.lo), max: s.inv(s.hi), name: s.p.name, nameLocation: 'middle', nameGap: 30, axisLabel: { formatter: fmt } }, extra);
    };
    chart(section, 'contour-' + sweep.id, {
      tooltip: { trigger: 'item', formatter: function (q) {
        return q.seriesType === 'scatter' ? tooltipTrial(sweep, trials[q.dataIndex]) : escapeHtml(sweep.metric) + ' ≈ ' + escapeHtml(fmt(q.value[2]));
      } },
      grid: { left: 70, right: 90, top: 15, bottom: 50 },
      xAxis: [{ type: 'category', data: labels(sx), show: false }, axis(sx, { gridIndex: 0, position: 'bottom' })],
      yAxis: [{ type: 'category', data: labels(sy), show: false }, axis(sy, { gridIndex: 0, position: 'left' })],
      visualMap: { type: 'continuous', min: min, max: max, seriesIndex: 0, right: 0, top: 'middle', itemHeight: 160, calculable: false,
        inRange: { color: sweep.goal === 'maximize' ? ['#f7fbff', '#6baed6', '#08306b'] : ['#08306b', '#6baed6', '#f7fbff'] } },
      series: [{ type: 'heatmap', xAxisIndex: 0, yAxisIndex: 0, data: cells, silent: false },
        { type: 'scatter', xAxisIndex: 1, yAxisIndex: 1, symbolSize: 7, itemStyle: { color: '#e8590c', borderColor: '#fff', borderWidth: 1 },
          data: trials.map(function (t) { return [t.p[sx.p.name], t.p[sy.p.name]]; }) }]
    }, 'tall');
  }

  // ---- timeline

  function timelinePanel(sweep) {
    var section = panel('timeline-' + sweep.id, 'Timeline',
      'One lane per worker (process and thread), one bar per trial from start to end, coloured by how it ended:'
      + ' gaps in a lane are time that worker waited or was lost.', true);
    var started = sweep.trials.filter(function (t) { return t.start !== undefined; });
    if (started.length === 0) { empty(section, 'No trial has started yet.'); return; }
    var workers = [];
    started.forEach(function (t) { var w = t.worker || '?'; if (workers.indexOf(w) < 0) workers.push(w); });
    workers.sort();
    var states = Object.keys(STATE_COLORS).filter(function (s) { return started.some(function (t) { return t.state === s; }); });
    var trialsOf = states.map(function (state) { return started.filter(function (t) { return t.state === state; }); });
    chart(section, 'timeline-' + sweep.id, {
      tooltip: { trigger: 'item', formatter: function (p) {
        var t = trialsOf[p.seriesIndex][p.dataIndex];
        return 'trial ' + t.n + ' (' + escapeHtml(t.state) + ') on ' + escapeHtml(t.worker || '?') + '<br>' + duration((t.end === undefined ? sweep.wallSeconds : t.end) - t.start)
          + (t.value !== null ? '<br>' + escapeHtml(sweep.metric) + ' ' + escapeHtml(fmt(t.value)) : '');
      } },
      legend: { top: 0 }, grid: { left: 150, right: 20, top: 35, bottom: 40 },
      dataZoom: [{ type: 'inside', filterMode: 'weakFilter' }],
      xAxis: { type: 'value', name: 'minutes after start', nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: { type: 'category', data: workers, axisLabel: { width: 140, overflow: 'truncate' } },
      series: states.map(function (state, i) {
        return { name: state, type: 'custom', itemStyle: { color: STATE_COLORS[state] }, encode: { x: [1, 2], y: 0 },
          renderItem: function (params, api) {
            var lane = api.value(0), from = api.coord([api.value(1), lane]), to = api.coord([api.value(2), lane]);
            var height = api.size([0, 1])[1] * 0.6;
            var shape = echarts.graphic.clipRectByRect({ x: from[0], y: from[1] - height / 2, width: Math.max(1, to[0] - from[0]), height: height },
              { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
            return shape && { type: 'rect', shape: shape, style: api.style() };
          },
          data: trialsOf[i].map(function (t) {
            return [workers.indexOf(t.worker || '?'), t.start / 60, (t.end === undefined ? sweep.wallSeconds : t.end) / 60];
          }) };
      })
    }, workers.length > 8 ? 'tall' : '');
  }

  // ---- the best trial (built-in trainer)

  function bestTrialPanels(sweep) {
    var best = sweep.best && sweep.best.panel;
    var title = best ? 'Best trial #' + best.number + ': ' : 'Best trial: ';
    var curves = panel('best-curves-' + sweep.id, title + 'learning curves',
      'Loss (left) and accuracy (right) per epoch, on the training set and the validation set: a validation curve that turns'
      + ' away from the training curve is overfitting.', false);
    var confusion = panel('confusion-' + sweep.id, title + 'confusion matrix',
      'Rows: the true character, columns: the predicted one, on the validation set; off the diagonal are mistakes.'
      + ' Listed: the ten most frequent confusions.', false);
    var images = panel('images-' + sweep.id, title + 'sample predictions',
      'Validation images with the true and (after the arrow) the predicted character; red frames are mistakes.', false);
    if (!best) {
      [curves, confusion, images].forEach(function (s) { empty(s, noValueYet(sweep)); });
      return;
    }
    if (best.empty) {
      [curves, confusion, images].forEach(function (s) { empty(s, best.empty); });
      return;
    }
    var pair = el('div', { class: 'pair' });
    curves.appendChild(pair);
    [['loss', 'val_loss'], ['accuracy', 'val_accuracy']].forEach(function (names) {
      var cell = el('div');
      pair.appendChild(cell);
      chart(cell, 'best-' + names[0] + '-' + sweep.id, {
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 50, right: 15, top: 35, bottom: 40 },
        xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
        yAxis: { type: 'value', scale: true, name: names[0] },
        series: names.map(function (n) { return { name: n, type: 'line', data: best.curves[n] || [], showSymbol: true, symbolSize: 4 }; })
      }, 'small');
    });
    if (best.confusion) {
      var c = best.confusion, cells = [], max = 0;
      c.counts.forEach(function (row, a) { row.forEach(function (n, p) { if (n > 0) cells.push([p, a, n]); if (a !== p) max = Math.max(max, n); }); });
      chart(confusion, 'confusion-' + sweep.id, {
        tooltip: { formatter: function (q) { return 'true ' + escapeHtml(c.labels[q.value[1]]) + ', predicted ' + escapeHtml(c.labels[q.value[0]]) + ': ' + q.value[2]; } },
        grid: { left: 50, right: 20, top: 10, bottom: 50 },
        xAxis: { type: 'category', data: c.labels, name: 'predicted', nameLocation: 'middle', nameGap: 30, axisLabel: { interval: 0, fontSize: 9 } },
        yAxis: { type: 'category', data: c.labels, name: 'true', inverse: true, axisLabel: { interval: 0, fontSize: 9 } },
        visualMap: { show: false, min: 0, max: Math.max(1, max), inRange: { color: ['#eef3fb', '#e8590c', '#7f1d1d'] } },
        series: [{ type: 'heatmap', data: cells }]
      }, 'tall');
      if (c.pairs.length > 0) {
        confusion.appendChild(el('h3', { text: 'Most confused' }));
        var list = el('ol', { class: 'pairs', 'data-list': 'confused-pairs' });
        c.pairs.forEach(function (pr) {
          list.appendChild(el('li', { text: pr.actual + ' → ' + pr.predicted + ': ' + pr.count + ' (' + Math.round(pr.share * 100) + ' % of ' + pr.actual + ')' }));
        });
        confusion.appendChild(list);
      } else {
        confusion.appendChild(el('p', { class: 'note', text: 'No mistakes on the validation set.' }));
      }
    } else {
      empty(confusion, best.confusionEmpty);
    }
    if (best.images && best.images.length > 0) {
      var grid = el('div', { class: 'images' });
      best.images.forEach(function (img) {
        var wrong = img.truth !== img.predicted;
        var image = el('img', { alt: 'true ' + img.truth + ', predicted ' + img.predicted });
        image.src = img.png;
        grid.appendChild(el('figure', { class: wrong ? 'wrong' : '' }, [image,
          el('figcaption', { text: img.truth + ' → ' + img.predicted })]));
      });
      images.appendChild(grid);
      if (best.imagesNote) images.appendChild(el('p', { class: 'note', text: best.imagesNote }));
    } else {
      empty(images, best.imagesEmpty || 'No validation images to show.');
    }
  }

  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  document.body.setAttribute('data-rendered', 'true');
}());
