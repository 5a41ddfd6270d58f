/* The cluster indicators dashboard: charts (Chart.js) and the network map (Cytoscape.js), drawn from the JSON
   block the page renders with json_script (no inline script: the CSP allows none). Every chart has a table
   beside it on the page, so nothing here is the only way to read a number. */
(function () {
  "use strict";

  var KIND_COLOURS = { firm: "#0f7c80", hospital: "#c2452d", university: "#3b5ba5", investor: "#b58500",
    service: "#7a4fa0", public: "#5b6770" };
  var SERIES_COLOURS = ["#0f7c80", "#c2452d", "#3b5ba5", "#b58500", "#7a4fa0"];
  var charts = [];

  function readData() {
    var node = document.getElementById("dashboard-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  function canvasOf(name, index) {
    var selector = '[data-chart="' + name + '"]' + (index === undefined ? "" : '[data-series="' + index + '"]');
    var box = document.querySelector(selector);
    return box ? box.querySelector("canvas") : null;
  }

  function draw(canvas, config) {
    if (!canvas || !window.Chart) { return; }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts.push(new window.Chart(canvas, config));
  }

  function percent(value) { return Math.round(value * 1000) / 10 + "%"; }

  // Stage thresholds as dashed lines across a trend chart.
  var bandsPlugin = {
    id: "clBands",
    afterDatasetsDraw: function (chart, _args, options) {
      var bands = options.bands || [];
      var y = chart.scales.y; var area = chart.chartArea; var ctx = chart.ctx;
      bands.forEach(function (band) {
        var at = y.getPixelForValue(band.value);
        if (at < area.top || at > area.bottom) { return; }
        ctx.save();
        ctx.strokeStyle = "#8a2d1d"; ctx.setLineDash([4, 4]); ctx.lineWidth = 1;
        ctx.beginPath(); ctx.moveTo(area.left, at); ctx.lineTo(area.right, at); ctx.stroke();
        ctx.setLineDash([]); ctx.fillStyle = "#8a2d1d"; ctx.font = "10px sans-serif";
        ctx.fillText(band.label, area.left + 4, at - 3);
        ctx.restore();
      });
    }
  };

  function mixChart(data) {
    if (!data.mix) { return; }
    draw(canvasOf("mix"), {
      type: "bar",
      data: { labels: data.mix.labels, datasets: [{ data: data.mix.data, backgroundColor: Object.values(KIND_COLOURS) }] },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function funnelChart(data) {
    if (!data.funnel) { return; }
    draw(canvasOf("funnel"), {
      type: "bar",
      data: { labels: data.funnel.steps, datasets: data.funnel.series.map(function (s, i) {
        return { label: s.label, data: s.data, backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length] };
      }) },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function trendCharts(data) {
    if (!data.trend) { return; }
    data.trend.series.forEach(function (s, i) {
      var values = s.data.filter(function (v) { return v !== null; });
      var top = Math.max.apply(null, values.concat(s.bands.map(function (b) { return b.value; }), [s.share ? 0.1 : 1]));
      draw(canvasOf("trend", i), {
        type: "line",
        data: { labels: data.trend.months, datasets: [{ label: s.label, data: s.data, borderColor: SERIES_COLOURS[i % 5],
          backgroundColor: SERIES_COLOURS[i % 5], spanGaps: false, pointRadius: 2 }] },
        options: {
          plugins: { legend: { display: false }, clBands: { bands: s.bands },
            tooltip: { callbacks: { label: function (item) { return s.share ? percent(item.parsed.y) : item.parsed.y.toFixed(2); } } } },
          scales: { y: { beginAtZero: true, suggestedMax: top * 1.1,
            ticks: { callback: function (v) { return s.share ? percent(v) : v; } } },
            x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 6 } } }
        },
        plugins: [bandsPlugin]
      });
    });
  }

  function eventsChart(data) {
    if (!data.events) { return; }
    var text = document.getElementById("dashboard") || document.body;
    draw(canvasOf("events"), {
      type: "bar",
      data: { labels: data.events.labels, datasets: [
        { label: text.dataset.registered || "Registered", data: data.events.registered, backgroundColor: "#86c8c5" },
        { label: text.dataset.checkedIn || "Checked in", data: data.events.checked_in, backgroundColor: "#0f7c80" }
      ] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { autoSkip: true, maxRotation: 45 } } } }
    });
  }

  function networkMap(data) {
    var box = document.getElementById("network-map");
    if (!box || !data.network || !window.cytoscape) { return; }
    var net = data.network;
    var top = Math.max.apply(null, net.nodes.map(function (n) { return n.betweenness; }).concat([1e-9]));
    var elements = net.nodes.map(function (n) {
      return { data: { id: String(n.id), label: n.label, colour: KIND_COLOURS[n.kind] || "#999",
        size: 14 + 34 * (n.betweenness / top), gate: n.gatekeeper ? 4 : 0 } };
    }).concat(net.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: String(e.source), target: String(e.target), width: Math.min(1 + e.weight, 6) } };
    }));
    var few = net.nodes.length <= 60;
    var cy = window.cytoscape({
      container: box, elements: elements, wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
          "border-width": "data(gate)", "border-color": "#12324f", label: few ? "data(label)" : "", "font-size": 9,
          "text-valign": "bottom", "text-margin-y": 2, color: "#333" } },
        { selector: "node:selected", style: { label: "data(label)", "font-size": 11 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#b9c4cc", "curve-style": "haystack", opacity: 0.8 } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: few, numIter: few ? 1000 : 400 }
    });
    cy.on("tap", "node", function (evt) { box.setAttribute("aria-label", evt.target.data("label")); });
    box.dataset.rendered = "true";
    window.addEventListener("resize", function () { cy.resize(); });
  }

  function printing() {
    document.querySelectorAll('[data-action="print"]').forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
    window.addEventListener("afterprint", function () { charts.forEach(function (c) { c.resize(); }); });
  }

  function start() {
    var data = readData();
    if (window.Chart) { window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily; }
    mixChart(data); funnelChart(data); trendCharts(data); eventsChart(data); networkMap(data); printing();
    document.documentElement.dataset.dashboardReady = "true";
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
