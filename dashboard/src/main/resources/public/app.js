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
    if (isMoney(spec) && typeof v === 'number') {
      return (v < 0 ? '-£' : '£') + Math.abs(v).toLocaleString('en-GB', { maximumFractionDigits: 2 });
    }
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

  // --- Layout for reading and for board papers: money on axes as £m / £k, every category label shown,
  // legends wrapped onto as many rows as they need (never paged), and the PNG export.
  var FONT = '12px sans-serif';
  var TITLE_FONT = 'bold 18px sans-serif';
  var GRID_LEFT = 64;
  var GRID_RIGHT = 16;
  var LEGEND_ROW = 24; // ECharts' 14px legend items with its 10px gap between rows
  var LABEL_LINE = 14;
  var SOURCE_LINE = 16;
  var MIN_PLOT = 200;
  var PAD = 16;
  var PIXEL_RATIO = 2;
  var measurer = document.createElement('canvas').getContext('2d');

  function isMoney(spec) {
    return /^£/.test(spec.yName || '');
  }

  // £120,000,000 as £120m and £45,500 as £45.5k on an axis, where space is short; tables and tooltips show them in full.
  function money(value) {
    var abs = Math.abs(value);
    var sign = value < 0 ? '-' : '';
    if (abs >= 1e6) {
      return sign + '£' + Number((abs / 1e6).toFixed(2)) + 'm';
    }
    if (abs >= 1e3) {
      return sign + '£' + Number((abs / 1e3).toFixed(1)) + 'k';
    }
    return sign + '£' + abs;
  }

  // A category as readers name it (spec.xLabels, from SeriesLabels: self_harm is "Self-harm"), a date as "Mar 2022".
  function xText(spec) {
    var labels = spec.xLabels || {};
    return function (value) {
      var label = labels[String(value)];
      return label ? label.label : axisLabel(value);
    };
  }

  // The tooltip's first line names its x; for a labelled category, by its label.
  function labelledTooltip(spec, axis, drawing, i) {
    var lines = drawing.tooltip(i).split('\n');
    lines[0] = xText(spec)(axis[i]);
    return lines.join('\n');
  }

  function legendNames(drawing) {
    var names = drawing.legend || [];
    if (!drawing.legend) {
      drawing.series.forEach(function (s) {
        if (names.indexOf(s.name) < 0) {
          names.push(s.name);
        }
      });
    }
    return names;
  }

  // Lines of text no wider than width, broken at spaces (a longer word has a line of its own).
  function wrapped(text, width, font) {
    measurer.font = font;
    var lines = [];
    var line = '';
    String(text).split(/\s+/).forEach(function (word) {
      var next = line ? line + ' ' + word : word;
      if (line && measurer.measureText(next).width > width) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    });
    return line ? lines.concat([line]) : lines;
  }

  // The rows a plain legend of these names takes in width px, placed as ECharts places them: a 25px
  // symbol, 5px to its text, 10px to the next item, 5px padding at each end.
  function legendRows(names, width) {
    measurer.font = FONT;
    var rows = names.length ? 1 : 0;
    var x = 5;
    names.forEach(function (name) {
      var item = 30 + measurer.measureText(name).width;
      if (x > 5 && x + item > width - 5) {
        rows++;
        x = 5;
      }
      x += item + 10;
    });
    return rows;
  }

  // Room above the plot for the wrapped legend and the axis name, below it for the x labels: on a
  // category axis (not dates or years) every label is shown, wrapped to its band or, if bands are
  // narrow, turned. The chart grows rather than squeeze the plot under MIN_PLOT px.
  function layoutOf(el, spec, axis, legend) {
    var width = el.clientWidth || 640;
    var text = xText(spec);
    var xLabel = { formatter: text, color: TEXT };
    var top = legendRows(legend, width - 16) * LEGEND_ROW + 32;
    var bottom = 48;
    var dated = axis.every(function (x) { return /^\d{4}(-\d{2}-\d{2})?$/.test(x); });
    if (!dated && axis.length > 0) {
      var band = Math.floor((width - GRID_LEFT - GRID_RIGHT) / axis.length);
      xLabel.interval = 0;
      xLabel.lineHeight = LABEL_LINE;
      if (band >= 56) {
        xLabel.width = band - 8;
        xLabel.overflow = 'break';
        var lines = Math.max.apply(null, axis.map(function (x) { return wrapped(text(x), band - 8, FONT).length; }));
        bottom = 24 + lines * LABEL_LINE + 8;
      } else {
        measurer.font = FONT;
        var longest = Math.max.apply(null, axis.map(function (x) { return measurer.measureText(text(x)).width; }));
        xLabel.rotate = 45;
        xLabel.width = 180;
        xLabel.overflow = 'truncate';
        bottom = 24 + Math.ceil(Math.min(longest, 180) * 0.71) + 8;
      }
    }
    var plot = el.clientHeight - top - bottom;
    if (plot < MIN_PLOT) {
      el.style.height = (top + bottom + MIN_PLOT) + 'px';
      plot = MIN_PLOT;
    }
    return { top: top, bottom: bottom, plot: plot, xLabel: xLabel };
  }

  // What a saved PNG is drawn from: the chart as shown, titled with its heading (what is counted, then
  // the LA and period), every legend entry on wrapped rows, and a source line, on a canvas tall enough
  // for all of it. The same width as on the page and the same plot height.
  function exportCopy(entry) {
    var width = entry.el.clientWidth;
    var heading = document.getElementById(entry.el.getAttribute('aria-labelledby')).textContent.trim();
    var cut = heading.lastIndexOf(': ' + entry.la);
    var what = cut < 0 ? heading : heading.slice(0, cut);
    var whoAndWhen = cut < 0 ? '' : heading.slice(cut + 2);
    var titleRows = wrapped(what, width - 2 * PAD, TITLE_FONT).length;
    var legendTop = PAD + titleRows * 24 + 10 + 18 + 12;
    var top = legendTop + legendRows(entry.legend, width - 2 * PAD) * LEGEND_ROW + 32;
    var snapshot = document.querySelector('[data-snapshot]');
    var saved = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    var source = 'Source: Sufficiency Warehouse' + (snapshot ? ', snapshot ' + snapshot.dataset.snapshot : '')
      + ', figure ' + entry.figure + '; saved ' + saved + '.';
    var sourceLines = wrapped(source, width - 2 * PAD, FONT);
    var bottom = entry.layout.bottom + sourceLines.length * SOURCE_LINE + 8;
    var option = Object.assign({}, entry.option, {
      title: {
        text: what,
        subtext: whoAndWhen,
        left: PAD,
        top: PAD,
        itemGap: 10,
        textStyle: { color: TEXT, fontSize: 18, fontWeight: 'bold', lineHeight: 24, width: width - 2 * PAD, overflow: 'break' },
        subtextStyle: { color: TEXT, fontSize: 14, lineHeight: 18 }
      },
      legend: Object.assign({}, entry.option.legend, { type: 'plain', top: legendTop, left: PAD, right: PAD, data: entry.legend }),
      grid: Object.assign({}, entry.option.grid, { top: top, bottom: bottom }),
      tooltip: { show: false },
      graphic: [{ type: 'text', left: PAD, bottom: 8,
        style: { text: sourceLines.join('\n'), fill: TEXT, font: FONT, lineHeight: SOURCE_LINE } }]
    });
    return { option: option, width: width, height: top + entry.layout.plot + bottom, source: source };
  }

  // The PNG of one chart (by its element id) drawn on an instance of its own off the page, and what it
  // was drawn with: the browser test reads both.
  function exportPng(id) {
    var entry = charts[id];
    if (!entry) {
      return null;
    }
    var copy = exportCopy(entry);
    var holder = document.createElement('div');
    holder.className = 'chart-export';
    document.body.appendChild(holder);
    var instance = echarts.init(holder, null, { width: copy.width, height: copy.height });
    instance.setOption(copy.option);
    var url = instance.getDataURL({ type: 'png', pixelRatio: PIXEL_RATIO, backgroundColor: '#ffffff' });
    instance.dispose();
    holder.remove();
    return {
      url: url,
      width: copy.width,
      height: copy.height,
      pixelRatio: PIXEL_RATIO,
      title: copy.option.title.text,
      subtitle: copy.option.title.subtext,
      legendType: copy.option.legend.type,
      legend: copy.option.legend.data.slice(),
      source: copy.source
    };
  }
  window.sufficiencyCharts = { exportPng: exportPng };

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
    var legend = legendNames(drawing);
    var layout = layoutOf(el, spec, axis, legend);
    var chart = echarts.init(el);
    var option = {
      animation: false,
      grid: { left: GRID_LEFT, right: GRID_RIGHT, top: layout.top, bottom: layout.bottom },
      legend: { type: 'plain', top: 0, left: 8, right: 8, textStyle: { color: TEXT }, data: legend },
      tooltip: {
        trigger: 'axis',
        // Drawn on the canvas: ECharts' HTML tooltip uses inline style attributes, which the CSP blocks.
        renderMode: 'richText',
        formatter: function (points) { return labelledTooltip(spec, axis, drawing, points[0].dataIndex); }
      },
      xAxis: { type: 'category', data: axis, axisLabel: layout.xLabel },
      yAxis: {
        type: 'value',
        name: spec.yName,
        minInterval: spec.percent ? 0 : 1,
        axisLabel: { color: TEXT, formatter: isMoney(spec) ? money : spec.percent ? '{value}%' : '{value}' },
        nameTextStyle: { color: TEXT }
      },
      series: drawing.series
    };
    chart.setOption(option);
    charts[el.id] = { chart: chart, el: el, option: option, legend: legend, layout: layout, figure: json.figure, la: json.la };
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
    var png = exportPng(button.dataset.chart);
    if (!png) {
      return;
    }
    var link = document.createElement('a');
    link.href = png.url;
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
