// Draws every chart on a dashboard page. It lives in a file, not inline, so the
// Content-Security-Policy can forbid inline script. Each chart is a .chart element whose
// data-src is the figure's JSON address and whose data-spec says how to draw it (Drawing.java):
// bars or lines along spec.x, one series per value of spec.series (showing spec.values[0]) or
// one per value column; or a projection's ranges as bands (type 'band'). A figure the reader may not see exactly arrives as the string '[c]'
// (counting-rules §9): it is drawn as no bar or point and named in the tooltip, never guessed at.
(function () {
  'use strict';

  var SUPPRESSED = '[c]';
  var TEXT = '#0b0c0c';
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  // Colours for value columns (and codes with none of their own), distinguishable and dark enough on white.
  var PALETTE = ['#1d70b8', '#d4351c', '#0b6e4f', '#f47738', '#912b88', '#505a5f', '#b58840', '#28a197'];
  var charts = {};

  function axisLabel(value) {
    var text = String(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      return MONTHS[Number(text.slice(5, 7)) - 1] + ' ' + text.slice(0, 4);
    }
    return text;
  }

  function keeps(spec, row) {
    return Object.keys(spec.only || {}).every(function (column) {
      return String(row[column]) === spec.only[column];
    });
  }

  // Rows that share an x (and series) differ in a column the chart does not draw (a provider, a
  // source): their counts add up. A suppressed part makes the whole unknown, so it stays '[c]'.
  function add(sum, value) {
    if (value === null || value === undefined) {
      return sum;
    }
    if (sum === SUPPRESSED || value === SUPPRESSED) {
      return SUPPRESSED;
    }
    return sum === '-' || sum === undefined ? value : sum + value;
  }

  // [{name, colour, values: [per x]}] from the rows, in the order the page's table uses.
  function seriesOf(spec, rows, axis) {
    var index = {};
    axis.forEach(function (x, i) { index[x] = i; });
    if (spec.series) {
      var value = spec.values[0].name;
      var labels = spec.seriesLabels || {};
      var codes = Object.keys(labels).filter(function (code) {
        return rows.some(function (row) { return String(row[spec.series]) === code; });
      });
      rows.forEach(function (row) {
        var code = String(row[spec.series]);
        if (codes.indexOf(code) < 0) {
          codes.push(code);
        }
      });
      return codes.map(function (code, i) {
        // A breakdown has no row for a cell with no children: a count of 0 (a share stays empty).
        var values = axis.map(function () { return spec.type === 'bar' ? 0 : '-'; });
        var seen = {};
        rows.forEach(function (row) {
          if (String(row[spec.series]) === code && row[value] !== null) {
            var i = index[String(row[spec.x])];
            values[i] = add(seen[i] ? values[i] : '-', row[value]);
            seen[i] = true;
          }
        });
        var label = labels[code] || {};
        return { name: label.label || code, colour: label.colour || PALETTE[i % PALETTE.length], values: values };
      });
    }
    return spec.values.filter(function (v) {
      return rows.some(function (row) { return row[v.name] !== null && row[v.name] !== undefined; });
    }).map(function (v, i) {
      return {
        name: v.label,
        colour: PALETTE[i % PALETTE.length],
        values: axis.map(function (x) {
          return rows.filter(function (r) { return String(r[spec.x]) === x; })
            .reduce(function (sum, r) { return add(sum, r[v.name]); }, '-');
        })
      };
    });
  }

  function tooltipValue(spec, v) {
    return v === '-' ? 'none' : v + (spec.percent ? '%' : '');
  }

  // Bars or lines: one ECharts series per series of seriesOf.
  function plain(spec, rows, axis) {
    var series = seriesOf(spec, rows, axis);
    return {
      drawn: series.length,
      tooltip: function (i) {
        var lines = series.map(function (s) { return s.name + ': ' + tooltipValue(spec, s.values[i]); });
        var hidden = series.some(function (s) { return s.values[i] === SUPPRESSED; });
        return [axisLabel(axis[i])].concat(lines, hidden ? ['[c]: 1 to 4 children, not shown'] : []).join('\n');
      },
      series: series.map(function (s) {
        return {
          name: s.name,
          type: spec.type,
          stack: spec.stacked ? 'total' : undefined,
          itemStyle: { color: s.colour },
          lineStyle: spec.type === 'line' ? { color: s.colour, width: 2 } : undefined,
          showSymbol: spec.type === 'line' && axis.length < 40,
          connectNulls: false,
          emphasis: { focus: 'series' },
          // '-' is ECharts' "no value": a suppressed figure is left out, not drawn as 0.
          data: s.values.map(function (v) { return v === SUPPRESSED ? '-' : v; })
        };
      })
    };
  }

  // A projection (Drawing.bands): the 90% and 50% ranges shaded, the median and the history as lines.
  // Each range is two stacked series of one name: an invisible line at its lower bound and, shaded
  // above it, the range's height, so only the space between the bounds is filled.
  function bands(spec, rows, axis) {
    var label = {};
    spec.values.forEach(function (v) { label[v.name] = v.label; });
    function column(name) {
      return axis.map(function (x) {
        var row = rows.filter(function (r) { return String(r[spec.x]) === x; })[0];
        var v = row ? row[name] : null;
        return v === null || v === undefined ? '-' : v;
      });
    }
    function drawable(values) {
      return values.map(function (v) { return typeof v === 'number' ? v : '-'; });
    }
    var q = {};
    ['actual', 'p05', 'p25', 'p50', 'p75', 'p95'].forEach(function (name) { q[name] = column(name); });
    function range(name, lower, upper, opacity) {
      var low = drawable(q[lower]);
      var height = low.map(function (l, i) { return l === '-' || typeof q[upper][i] !== 'number' ? '-' : q[upper][i] - l; });
      var style = { color: PALETTE[0] };
      return [
        { name: name, type: 'line', stack: name, data: low, itemStyle: style, lineStyle: { opacity: 0 }, showSymbol: false },
        { name: name, type: 'line', stack: name, data: height, itemStyle: style, lineStyle: { opacity: 0 }, showSymbol: false,
          areaStyle: { color: PALETTE[0], opacity: opacity } }
      ];
    }
    function line(name, colour, dashed) {
      return { name: label[name], type: 'line', data: drawable(q[name]), itemStyle: { color: colour },
        lineStyle: { color: colour, width: 2, type: dashed ? 'dashed' : 'solid' }, showSymbol: false, connectNulls: false };
    }
    var wide = '90% range (p05 to p95)';
    var narrow = '50% range (p25 to p75)';
    var series = range(wide, 'p05', 'p95', 0.15).concat(range(narrow, 'p25', 'p75', 0.3),
      [line('p50', PALETTE[0], true), line('actual', TEXT, false)]);
    var legend = [label.actual, label.p50, narrow, wide].filter(function (name) {
      return series.some(function (s) { return s.name === name && s.data.some(function (v) { return v !== '-'; }); });
    });
    return {
      drawn: legend.length,
      legend: legend,
      tooltip: function (i) {
        var lines = [axisLabel(axis[i])];
        if (q.actual[i] !== '-') {
          lines.push(label.actual + ': ' + q.actual[i]);
        }
        if (q.p50[i] !== '-') {
          lines.push(label.p50 + ': ' + q.p50[i], '50% range: ' + q.p25[i] + ' to ' + q.p75[i],
            '90% range: ' + q.p05[i] + ' to ' + q.p95[i]);
        }
        return lines.concat(q.actual[i] === SUPPRESSED ? ['[c]: 1 to 4 children, not shown'] : []).join('\n');
      },
      series: series
    };
  }

  function draw(el, spec, json) {
    var rows = json.rows.filter(function (row) { return keeps(spec, row); });
    var axis = [];
    rows.forEach(function (row) {
      var x = String(row[spec.x]);
      if (axis.indexOf(x) < 0) {
        axis.push(x);
      }
    });
    var drawing = spec.type === 'band' ? bands(spec, rows, axis) : plain(spec, rows, axis);
    el.textContent = '';
    var chart = echarts.init(el);
    charts[el.id] = chart;
    chart.setOption({
      animation: false,
      grid: { left: 64, right: 16, top: 72, bottom: 48 },
      legend: { type: 'scroll', top: 0, textStyle: { color: TEXT }, data: drawing.legend },
      tooltip: {
        trigger: 'axis',
        // Drawn on the canvas: ECharts' HTML tooltip uses inline style attributes, which the CSP blocks.
        renderMode: 'richText',
        formatter: function (points) { return drawing.tooltip(points[0].dataIndex); }
      },
      xAxis: { type: 'category', data: axis, axisLabel: { formatter: axisLabel, color: TEXT } },
      yAxis: {
        type: 'value',
        name: spec.yName,
        minInterval: spec.percent ? 0 : 1,
        axisLabel: { color: TEXT, formatter: spec.percent ? '{value}%' : '{value}' },
        nameTextStyle: { color: TEXT }
      },
      series: drawing.series
    });
    el.setAttribute('data-drawn', String(drawing.drawn));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function load(el) {
    var spec = JSON.parse(el.dataset.spec);
    fetch(el.dataset.src, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the server answered ' + response.status);
        }
        return response.json();
      })
      .then(function (json) { draw(el, spec, json); })
      .catch(function (error) {
        el.textContent = 'The chart could not be loaded (' + error.message + '). ' +
          'The same figures are in the table below and in the downloads.';
      });
  }

  function savePng(button) {
    var chart = charts[button.dataset.chart];
    if (!chart) {
      return;
    }
    var link = document.createElement('a');
    link.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    link.download = button.dataset.file;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  var elements = document.querySelectorAll('.chart[data-spec]');
  if (typeof echarts === 'undefined') {
    elements.forEach(function (el) {
      el.textContent = 'The chart could not be drawn. The same figures are in the table below.';
    });
    return;
  }
  elements.forEach(load);
  document.querySelectorAll('button.save-png').forEach(function (button) {
    button.addEventListener('click', function () { savePng(button); });
  });
}());
