// Draws the month-end chart on the dashboard page. It lives in a file, not inline, so the
// Content-Security-Policy can forbid inline script. The page supplies, as data- attributes on
// #chart: the JSON address, the first and last month ends of the LA's window, and the
// categories in stacking order with their labels and colours. A count the reader may not see
// exactly arrives as the string '[c]' (counting-rules §9): it is drawn as no bar and named in the
// tooltip, never guessed at.
(function () {
  'use strict';

  var el = document.getElementById('chart');
  if (!el) {
    return;
  }
  if (typeof echarts === 'undefined') {
    el.textContent = 'The chart could not be drawn. The figures at each 31 March are in the table below.';
    return;
  }

  var SUPPRESSED = '[c]';
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var categories = JSON.parse(el.dataset.categories);

  // Every month end of the window, so a month with no child in care still has its (empty) bar.
  function monthEnds(from, to) {
    var out = [];
    if (!from || !to) {
      return out;
    }
    var year = Number(from.slice(0, 4));
    var month = Number(from.slice(5, 7));
    for (;;) {
      var iso = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10); // day 0 = last day of month
      if (iso > to) {
        return out;
      }
      out.push(iso);
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
  }

  function monthLabel(iso) {
    return MONTHS[Number(iso.slice(5, 7)) - 1] + ' ' + iso.slice(0, 4);
  }

  function draw(json) {
    var axis = monthEnds(el.dataset.from, el.dataset.to);
    var byCategory = {}; // category code -> month end -> children (a number, or '[c]')
    json.rows.forEach(function (row) {
      var code = row.category === null ? '' : row.category;
      (byCategory[code] = byCategory[code] || {})[row.month_end] = row.children;
    });
    // What each series shows at each month end, as the reader may see it: series index -> values.
    var counts = categories.map(function (c) {
      var byMonth = byCategory[c.code] || {};
      return axis.map(function (d) { return byMonth[d] === undefined ? 0 : byMonth[d]; });
    });
    el.textContent = '';
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 56, right: 16, top: 96, bottom: 48 },
      legend: { type: 'scroll', top: 0, textStyle: { color: '#0b0c0c' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        // Drawn on the canvas: ECharts' HTML tooltip uses inline style attributes, which the CSP blocks.
        renderMode: 'richText',
        // Only the categories with children, and the total, so the tooltip stays readable. With a
        // suppressed category the total is unknown too, so it is not shown.
        formatter: function (points) {
          var total = 0;
          var suppressed = false;
          var lines = [];
          points.forEach(function (p) {
            var shown = counts[p.seriesIndex][points[0].dataIndex];
            if (shown === SUPPRESSED) {
              suppressed = true;
              lines.push(p.seriesName + ': ' + SUPPRESSED);
            } else if (shown > 0) {
              total += shown;
              lines.push(p.seriesName + ': ' + shown);
            }
          });
          var footer = suppressed ? '[c]: 1 to 4 children, not shown' : 'Total: ' + total;
          return [monthLabel(points[0].axisValue)].concat(lines, [footer]).join('\n');
        }
      },
      xAxis: {
        type: 'category',
        data: axis,
        axisLabel: { formatter: monthLabel, color: '#0b0c0c' }
      },
      yAxis: {
        type: 'value',
        name: 'Children',
        minInterval: 1,
        axisLabel: { color: '#0b0c0c' },
        nameTextStyle: { color: '#0b0c0c' }
      },
      series: categories.map(function (c, i) {
        return {
          name: c.label,
          type: 'bar',
          stack: 'children',
          itemStyle: c.colour ? { color: c.colour } : undefined,
          emphasis: { focus: 'series' },
          // '-' is ECharts' "no value": a suppressed count is left out, not drawn as 0.
          data: counts[i].map(function (v) { return v === SUPPRESSED ? '-' : v; })
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  fetch(el.dataset.src, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('the server answered ' + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      el.textContent = 'The chart could not be loaded (' + error.message + '). ' +
        'The figures at each 31 March are in the table below, and every month end is in the CSV download.';
    });
}());
