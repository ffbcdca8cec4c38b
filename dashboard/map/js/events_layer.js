/* The events map in the browser: events drawn as their type's symbol, shown by the time bar's mode (time_bar.js),
   piles spread apart, one selection (ring, slider, view), and a channel back to the server through streamlit-folium.
   Inserted by dashboard/map/timeline.py. This text passes through Jinja twice (folium, then branca): it must never
   hold a double opening brace, a brace-percent or a brace-hash. */
(function () {
  "use strict";
  if (window.MaliEventsMap) { return; }
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var SPREAD_PX = 9;  // symbols closer than this (centre to centre, on screen) are spread apart
  var SPREAD_MAX = 24;  // larger piles show their count instead; a click on it spreads them
  var REACH = 1.3;  // how far a symbol reaches, in radii (a square's corners go past its radius)

  function element(tag, className, parent) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  /* A circle marker drawn as the symbol of its event type, optionally shifted on screen (spread piles). Every symbol
     stays on the map, the larger ones drawn first; the time bar hides the ones it does not show (_hidden), so the
     small are always drawn over the large, whatever appears when. */
  var EventSymbol = L.CircleMarker.extend({
    _project: function () {
      this._anchorPoint = null;
      L.CircleMarker.prototype._project.call(this);
      this._base = this._point;
      if (this._shift && (this._shift.x || this._shift.y)) {
        this._anchorPoint = this._point;
        this._point = this._point.add(this._shift);
        this._updateBounds();
      }
    },
    _updateBounds: function () {
      L.CircleMarker.prototype._updateBounds.call(this);
      if (this._anchorPoint) { this._pxBounds.extend(this._anchorPoint); }
    },
    _containsPoint: function (point) {
      return !this._hidden && L.CircleMarker.prototype._containsPoint.call(this, point);
    },
    _updatePath: function () {
      var renderer = this._renderer;
      if (this._hidden) { return; }
      if (!renderer._ctx) { return L.CircleMarker.prototype._updatePath.call(this); }
      if (!renderer._drawing || this._empty()) { return; }
      var ctx = renderer._ctx, p = this._point, r = Math.max(this._radius, 1), a = this._anchorPoint;
      var shape = this.options.shape;
      if (a) {
        ctx.save();
        ctx.setLineDash([]);
        ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(p.x, p.y);
        ctx.lineWidth = 1; ctx.strokeStyle = "rgba(40,40,40,0.55)"; ctx.stroke();
        ctx.beginPath(); ctx.arc(a.x, a.y, 2, 0, Math.PI * 2, false); ctx.fillStyle = "#444"; ctx.fill();
        ctx.restore();
      }
      if (this.options.area) {
        // Somewhere in a cercle or region: the area as a wide faint ring, the type's symbol small at its centre.
        ctx.beginPath();
        ctx.arc(p.x, p.y, Math.max(Math.round(r), 1), 0, Math.PI * 2, false);
        renderer._fillStroke(ctx, this);
        ctx.save();
        ctx.setLineDash([]);
        outline(ctx, p, shape, this.options.core);
        ctx.globalAlpha = 0.9; ctx.fillStyle = this.options.fillColor; ctx.fill();
        ctx.lineWidth = 1.5; ctx.strokeStyle = this.options.color; ctx.stroke();
        ctx.restore();
        return;
      }
      outline(ctx, p, shape, r);
      renderer._fillStroke(ctx, this);
    }
  });

  function outline(ctx, p, shape, r) {
    ctx.beginPath();
    if (shape) {
      for (var i = 0; i < shape.length; i++) {
        var x = p.x + shape[i][0] * r, y = p.y + shape[i][1] * r;
        if (i) { ctx.lineTo(x, y); } else { ctx.moveTo(x, y); }
      }
      ctx.closePath();
    } else {
      ctx.arc(p.x, p.y, Math.max(Math.round(r), 1), 0, Math.PI * 2, false);
    }
  }

  function MaliEventsMap(map, options, collection) {
    this.map = map;
    this.o = options;
    this.features = collection.features;
    this.aggregated = !!options.aggregated;
    this.range = options.range;
    this.time = options.range[1];  // "every event" sits at the last date: the holders of places as the articles leave them
    this.mode = "all";
    this.windowDays = options.window;
    this.speed = 1;
    this.playing = false;
    this.selected = null;
    this.clicks = 0;
    this.expanded = null;
    this.restored = false;
    this.shownLayers = [];
    this.hiddenSources = {};  // dataset sources unticked in the layer control (map/sources.py)
    this.layer = L.featureGroup().addTo(map);
    this.badges = L.layerGroup().addTo(map);
    this.tip = L.tooltip({className: "mali-tip", opacity: 0.96});
    this._build();
    var self = this;
    map.on("zoomend", function () { self.expanded = null; self.spread(); self._ring(); });
    map.on("overlayadd overlayremove", function (e) {  // a dataset's line in the layer control
      var source = (options.sourceNames || []).indexOf(e.name);
      if (source > 0) { self.hiddenSources[source] = e.type === "overlayremove"; self.update(); }
    });
    map.on("layeradd", function (e) {  // a Timeline layer (map/control.py) added after us: at the slider's time
      if (L.Timeline && e.layer instanceof L.Timeline && e.layer.setTime) { e.layer.setTime(self.time); }
    });
    this._panel();
    this._layout();
    this.fit();
    // Added once the map has its size and view: each symbol is projected once, not again for each of those.
    this.drawOrder.forEach(function (layer) { self.layer.addLayer(layer); });
    this.update();
  }

  MaliEventsMap.prototype = {
    /* One symbol per event, or one circle per aggregated cell. */
    _build: function () {
      var self = this, o = this.o;
      this.layers = [];
      this.byId = {};
      this.cells = {};
      this.features.forEach(function (feature, index) {
        var p = feature.properties, c = feature.geometry ? feature.geometry.coordinates : null;
        var style = Object.assign({radius: p.r, fillColor: o.colours[p.a], shape: o.shapes[p.t] || null,
                                   area: p.k === o.areaKind, core: o.radius[0] + 2}, o.kinds[p.k], o.sources[p.s || 0]);
        if (p.b !== undefined) { style.color = o.colours[p.b]; }
        if (self.aggregated) {
          if (!self.cells[p.c]) {  // an area's first count says where its circle is and names its place
            var cell = new EventSymbol([c[1], c[0]], style);
            cell.members = [];
            cell.name = p.name;
            cell.on("mouseover", function () { self._tooltip(cell, self._cellTip(cell)); });
            cell.on("mouseout", function () { self.map.closeTooltip(self.tip); });
            cell.on("click", function () { self.map.setView(cell.getLatLng(), Math.min(self.map.getZoom() + 2, 12)); });
            self.cells[p.c] = cell;
          }
          self.cells[p.c].members.push(index);
          self.layers.push(self.cells[p.c]);
          return;
        }
        var layer = new EventSymbol([c[1], c[0]], style);
        layer.feature = feature;
        layer.on("mouseover", function () { self._tooltip(layer, p.tooltip); });
        layer.on("mouseout", function () { self.map.closeTooltip(self.tip); });
        layer.on("click", function () { self.select(p.event_id, {focus: true, fromMap: true}); });
        self.layers.push(layer);
        self.byId[p.event_id] = index;
      });
      var unique = Array.from(new Set(this.layers));
      unique.forEach(function (layer) { layer._hidden = false; });  // the map opens on every event
      this.drawOrder = unique.sort(function (a, b) { return b.options.radius - a.options.radius; });
    },

    visibleAt: function (index) {
      var p = this.features[index].properties;
      if (this.hiddenSources[p.s || 0]) { return false; }
      if (this.mode === "all") { return true; }
      if (p.start > this.time) { return false; }
      return this.mode === "cumulative" || p.end >= this.time - this.windowDays * DAY;
    },

    /* Show what the time and mode select, spread piles, move the ring, tell the other layers. */
    update: function () {
      var self = this, shown = [];
      if (this.aggregated) {
        Object.keys(this.cells).forEach(function (key) {
          var cell = self.cells[key], total = 0, biggest = -1, biggestN = 0;
          cell.members.forEach(function (i) {
            if (self.visibleAt(i)) {
              var n = self.features[i].properties.n;
              total += n;
              if (n > biggestN) { biggestN = n; biggest = i; }
            }
          });
          cell.visibleCount = total;
          if (total) {
            var p = self.features[biggest].properties;
            cell.setStyle({fillColor: self.o.colours[p.a]});
            cell.setRadius(Math.min(self.o.radius[1], self.o.radius[0] + 2 * Math.sqrt(total)));
            shown.push(cell);
          }
        });
      } else {
        this.layers.forEach(function (layer, i) { if (self.visibleAt(i)) { shown.push(layer); } });
      }
      var keep = new Set(shown);
      this.drawOrder.forEach(function (layer) {
        var hidden = !keep.has(layer);
        if (hidden !== !!layer._hidden) {
          layer._hidden = hidden;
          if (layer._renderer) { layer._renderer._requestRedraw(layer); }  // its place is known: no new projection
        }
      });
      this.shownLayers = shown;
      this.spread();
      this._ring();
      this._timeBar();
      var time = this.time, mode = this.mode;
      this.map.eachLayer(function (layer) {  // a folium Timeline layer added beside ours follows the same slider
        if (L.Timeline && layer instanceof L.Timeline && layer.setTime) { layer.setTime(time); }
      });
      this.map.fire("mali:time", {time: time, mode: mode, windowDays: this.windowDays});
    },

    /* Piles of symbols at the same spot on screen are laid out around it, a leader line to the true place. */
    spread: function () {
      var self = this, map = this.map;
      this.badges.clearLayers();
      if (this.aggregated) { return; }
      var layers = this.shownLayers, points = layers.map(function (l) {
        return l._base || map.latLngToLayerPoint(l.getLatLng());  // where it stands before any spreading
      });
      var parent = new Int32Array(layers.length);
      for (var n = 0; n < layers.length; n++) { parent[n] = n; }
      function find(i) { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
      var grid = new Map(), limit = SPREAD_PX * SPREAD_PX;
      points.forEach(function (p, i) {
        var gx = Math.floor(p.x / SPREAD_PX), gy = Math.floor(p.y / SPREAD_PX);
        for (var dx = -1; dx <= 1; dx++) {
          for (var dy = -1; dy <= 1; dy++) {
            var near = grid.get((gx + dx) * 1048576 + gy + dy);
            if (!near) { continue; }
            for (var k = 0; k < near.length; k++) {
              var q = points[near[k]], ex = p.x - q.x, ey = p.y - q.y;
              if (ex * ex + ey * ey < limit) { parent[find(i)] = find(near[k]); }
            }
          }
        }
        var key = gx * 1048576 + gy, cell = grid.get(key);
        if (cell) { cell.push(i); } else { grid.set(key, [i]); }
      });
      var piles = {};
      layers.forEach(function (_, i) { var root = find(i); (piles[root] = piles[root] || []).push(i); });
      layers.forEach(function (layer) { layer._newShift = null; });
      Object.keys(piles).forEach(function (root) {
        var pile = piles[root];
        if (pile.length < 2) { return; }
        // The largest stays on its place; the others go around it, by date, never over it or each other.
        pile.sort(function (i, j) {
          var a = layers[i].feature.properties, b = layers[j].feature.properties;
          return layers[j]._radius - layers[i]._radius || a.start - b.start || (a.event_id < b.event_id ? -1 : 1);
        });
        var ids = pile.map(function (i) { return layers[i].feature.properties.event_id; }).join(" ");
        var centre = points[pile[0]];
        if (pile.length > SPREAD_MAX && self.expanded !== ids) {
          self._badge(centre, pile, ids);
          return;
        }
        var reach = function (i) { return REACH * layers[i]._radius; };
        var around = pile.slice(1), outer = Math.max.apply(null, around.map(reach));
        var ring = reach(pile[0]) + outer + 3;
        if (around.length > 1) { ring = Math.max(ring, (2 * outer + 3) / (2 * Math.sin(Math.PI / Math.min(around.length, 8)))); }
        around.forEach(function (i, k) {
          var angle, radius;
          if (around.length <= 8) {
            angle = -Math.PI / 2 + 2 * Math.PI * k / around.length;
            radius = ring;
          } else {  // a spiral beyond eight
            angle = k * 2.39996;
            radius = ring + (2 * outer + 3) * 0.5 * Math.sqrt(k);
          }
          var target = centre.add(L.point(Math.cos(angle) * radius, Math.sin(angle) * radius));
          layers[i]._newShift = target.subtract(points[i]).round();
        });
        layers[pile[0]]._newShift = null;
      });
      layers.forEach(function (layer) {
        var old = layer._shift, now = layer._newShift;
        if (old === now || (old && now && old.x === now.x && old.y === now.y)) { return; }
        if (!old && now && !now.x && !now.y) { return; }
        layer._shift = now;
        layer.redraw();
      });
    },

    _badge: function (centre, pile, ids) {
      var self = this, label = pile.length + " events here";
      var badge = L.marker(this.map.layerPointToLatLng(centre), {keyboard: false, title: label, icon: L.divIcon({
        className: "mali-badge", html: String(pile.length), iconSize: [26, 26], iconAnchor: [13, 13]})});
      badge.on("click", function () { self.expanded = ids; self.spread(); self._ring(); });
      badge.addTo(this.badges);
    },

    _ring: function () {
      var index = this.selected === null ? undefined : this.byId[this.selected];
      var layer = index === undefined ? null : this.layers[index];
      if (!layer || layer._hidden) {
        if (this.ring) { this.map.removeLayer(this.ring); this.ring = null; }
        return;
      }
      if (!this.ring) {
        this.ring = new EventSymbol(layer.getLatLng(), {radius: layer._radius + 7, color: this.o.selected, weight: 4,
                                                   fill: false, interactive: false});
      }
      this.ring.setLatLng(layer.getLatLng());
      this.ring.setRadius(layer._radius + 7);
      this.ring._shift = layer._shift;
      if (!this.map.hasLayer(this.ring)) { this.ring.addTo(this.map); } else { this.ring.redraw(); }
      this.ring.bringToFront();
    },

    /* One selection: ring it, move the slider to its date, centre and zoom on it, and tell the server. */
    select: function (eventId, how) {
      how = how || {};
      var index = this.byId[eventId];
      if (eventId === this.selected && !how.fromMap) { return; }
      this.selected = index === undefined ? null : eventId;
      if (index !== undefined && how.focus) {
        var p = this.features[index].properties;
        this.time = Math.max(this.range[0], Math.min(this.range[1], p.start));
        this.update();
        var zoom = Math.max(this.map.getZoom(), Math.min(this.o.focusZoom, this.map.getMaxZoom()));
        this.map.setView(this.layers[index].getLatLng(), zoom, {animate: !!how.fromMap});
      } else {
        this._ring();
        this._timeBar();
      }
      if (how.fromMap) { this.clicks += 1; this.report(); }
    },

    /* Apply the time bar's settings a server kept from before this map was built (a filter change rebuilds it). */
    restore: function (state) {
      if (this.restored || !state) { return; }
      this.restored = true;
      if (state.mode && ["all", "window", "cumulative"].indexOf(state.mode) >= 0) { this.mode = state.mode; }
      if (state.window) { this.windowDays = state.window; }
      if (state.speed) { this.speed = state.speed; }
      if (typeof state.time === "number") { this.time = Math.max(this.range[0], Math.min(this.range[1], state.time)); }
      this._syncControls();
      this.update();
    },

    /* What the server learns: the selected event (with a click count, so a second click on it counts) and the
       time bar's settings. Sent through streamlit-folium's own update, as the value it returns. */
    report: function () {
      var data = window.__GLOBAL_DATA__;
      if (!data) { return; }
      data.last_object_clicked_popup = JSON.stringify({event: this.selected, clicks: this.clicks, time: this.time,
                                                       mode: this.mode, window: this.windowDays, speed: this.speed});
      this.map.fire("moveend");
    },

    fit: function () {
      var b = this.o.bounds;
      if (b) { this.map.fitBounds(b, {padding: [26, 26], maxZoom: this.o.fitMaxZoom, animate: false}); }
    },

    _tooltip: function (layer, html) {
      var map = this.map, size = map.getSize(), at = map.layerPointToContainerPoint(layer._point);
      this.tip.options.direction = at.y < 60 ? "bottom" : at.x > size.x / 2 ? "left" : "right";
      this.tip.options.offset = L.point(0, 0);
      this.tip.setLatLng(map.layerPointToLatLng(layer._point)).setContent(html);
      map.openTooltip(this.tip);
      var box = this.tip.getElement().getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect();
      var dx = Math.min(0, frame.right - 4 - box.right) + Math.max(0, frame.left + 4 - box.left);
      var dy = Math.min(0, frame.bottom - 4 - box.bottom) + Math.max(0, frame.top + 4 - box.top);
      if (dx || dy) { this.tip.options.offset = L.point(dx, dy); this.tip.update(); }
    },

    _cellTip: function (cell) {
      var self = this, periods = [];
      cell.members.forEach(function (i) {
        if (self.visibleAt(i)) { periods.push(self._periodLabel(self.features[i].properties.start)); }
      });
      var when = periods.length > 1 ? periods[0] + " \u2013 " + periods[periods.length - 1] : periods[0];
      return cell.name + " \u00b7 " + when + " \u00b7 " + cell.visibleCount.toLocaleString("en") + " events (counted together)";
    },

    /* A count's period as people write it: "Jun 2013", "Q2 2013" or "2013" (options.period). */
    _periodLabel: function (start) {
      var day = new Date(start), year = day.getUTCFullYear(), month = day.getUTCMonth();
      if (this.o.period === "M") { return MONTHS[month] + " " + year; }
      if (this.o.period === "Q") { return "Q" + (Math.floor(month / 3) + 1) + " " + year; }
      return String(year);
    },

    /* For tests and tools: the symbols on screen, where they are drawn (frame coordinates). */
    shown: function () {
      var map = this.map, frame = map.getContainer().getBoundingClientRect();
      return this.shownLayers.map(function (layer) {
        var p = map.layerPointToContainerPoint(layer._point || map.latLngToLayerPoint(layer.getLatLng()));
        return {id: layer.feature ? layer.feature.properties.event_id : null, x: p.x + frame.left, y: p.y + frame.top,
                radius: layer._radius, count: layer.visibleCount || 1};
      });
    },

    state: function () {
      return {time: this.time, mode: this.mode, window: this.windowDays, speed: this.speed, playing: this.playing,
              selected: this.selected, zoom: this.map.getZoom(), center: this.map.getCenter(),
              bounds: this.map.getBounds().toBBoxString()};
    }
  };

  MaliEventsMap.element = element;
  window.MaliEventsMap = MaliEventsMap;
  window.maliEventsMapStart = function (map, options, collection) {
    window.maliMap = new MaliEventsMap(map, options, collection);
    return window.maliMap;
  };
})();
