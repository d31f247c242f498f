/*
 * Verbeterhub console: draws the charts of a drafts page from its JSON block (#chart-data) with Chart.js,
 * and keeps the regions marked data-live up to date on pages with <body data-refresh="seconds">.
 * No data is ever written into a script: it comes from the JSON block or from the page itself.
 */
(function () {
  'use strict';

  var COLOURS = ['#1f5fa8', '#90a4ae', '#e0a800', '#2e7d32', '#8e24aa', '#00838f'];

  function axis(unit) {
    var y = { beginAtZero: true, ticks: {} };
    if (unit === 'percent') {
      y.max = 100;
      y.ticks.callback = function (v) { return v + ' %'; };
    } else if (unit === 'minutes') {
      y.title = { display: true, text: 'minutes' };
    } else {
      y.ticks.precision = 0;
    }
    return y;
  }

  function drawCharts() {
    var block = document.getElementById('chart-data');
    if (!block || typeof window.Chart === 'undefined') return;
    var charts = JSON.parse(block.textContent || '{}');
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec = charts[canvas.getAttribute('data-chart')];
      if (!spec || window.Chart.getChart(canvas)) return;
      var datasets = spec.datasets.map(function (set, i) {
        // The latest year strongest; earlier years lighter, side by side.
        var colour = COLOURS[(spec.datasets.length - 1 - i) % COLOURS.length];
        return { label: set.label, data: set.data, backgroundColor: colour, borderColor: colour };
      });
      new window.Chart(canvas, {
        type: 'bar',
        data: { labels: spec.labels, datasets: datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: { y: axis(spec.unit) },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: {
              callbacks: {
                label: function (ctx) {
                  var v = ctx.parsed.y;
                  if (v === null || v === undefined) return ctx.dataset.label + ': hidden or none';
                  return ctx.dataset.label + ': ' + v + (spec.unit === 'percent' ? ' %' : spec.unit === 'minutes' ? ' min' : '');
                }
              }
            }
          }
        }
      });
    });
  }

  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        // Logged out (the session ended): show the login page.
        if (response.redirected || response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (region) {
          var replacement = region.id && fresh.getElementById(region.id);
          if (replacement) region.replaceWith(document.importNode(replacement, true));
        });
      })
      .catch(function () { /* the hub is away for a moment: try again next time */ });
  }

  function keepLive() {
    var seconds = Number(document.body.getAttribute('data-refresh'));
    if (seconds > 0) window.setInterval(refresh, seconds * 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawCharts();
    keepLive();
  });
})();
