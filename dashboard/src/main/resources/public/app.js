// Draws the month-end chart on the dashboard page. It lives in a file, not inline, so the
// Content-Security-Policy can forbid inline script. The page supplies, as data- attributes on
// #chart: the JSON address, the first and last month ends of the LA's window, and the
// categories in stacking order with their labels and colours.
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
    var counts = {}; // category code -> month end -> children
    json.rows.forEach(function (row) {
      var code = row.category === null ? '' : row.category;
      (counts[code] = counts[code] || {})[row.month_end] = row.children;
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
        // Only the categories with children, and the total, so the tooltip stays readable.
        formatter: function (points) {
          var total = 0;
          var lines = points.filter(function (p) { return p.value > 0; }).map(function (p) {
            total += p.value;
            return p.seriesName + ': ' + p.value;
          });
          return [monthLabel(points[0].axisValue)].concat(lines, ['Total: ' + total]).join('\n');
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
      series: categories.map(function (c) {
        var byMonth = counts[c.code] || {};
        return {
          name: c.label,
          type: 'bar',
          stack: 'children',
          itemStyle: c.colour ? { color: c.colour } : undefined,
          emphasis: { focus: 'series' },
          data: axis.map(function (d) { return byMonth[d] || 0; })
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
