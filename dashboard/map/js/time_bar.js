/* The time bar under the map (play and pause, steps, a slider over a sparkline of events per month, a date to type,
   the mode, window and speed), the status line and the legend, and the playback that skips empty stretches.
   Extends MaliEventsMap (events_layer.js). Jinja reads this text twice: never a double opening brace, brace-percent
   or brace-hash. */
(function () {
  "use strict";
  var Map = window.MaliEventsMap;
  if (!Map || Map.prototype.play) { return; }
  var DAY = 86400000;
  var TICK_MS = 100;
  var DAYS_PER_SECOND = 91;  // playback at 1x: about three months a second
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var ICON_PLAY = '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 2l10 6-10 6z"/></svg>';
  var ICON_PAUSE = '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M3 2h4v12H3zM9 2h4v12H9z"/></svg>';

  function dayText(ms) {
    var d = new Date(ms);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  var element = Map.element;

  Object.assign(Map.prototype, {
    setTime: function (time, quiet) {
      this.time = Math.max(this.range[0], Math.min(this.range[1], time));
      if (this.mode === "all") { this.mode = "window"; this._syncControls(); }
      this.update();
      if (!quiet) { this.report(); }
    },

    setMode: function (mode) {
      this.mode = mode;
      this._changes = null;
      this._syncControls();
      this.update();
      this.report();
    },

    /* Times at which what the map shows changes, for skipping stretches where nothing happens. */
    _changeTimes: function () {
      if (this._changes && this._changesKey === this.mode + this.windowDays) { return this._changes; }
      var self = this, times = [];
      this.features.forEach(function (f) {
        times.push(f.properties.start);
        if (self.mode === "window") { times.push(f.properties.end + self.windowDays * DAY + 1); }
      });
      times.sort(function (a, b) { return a - b; });
      this._changes = times;
      this._changesKey = this.mode + this.windowDays;
      return times;
    },

    _nextChange: function (after) {
      var times = this._changeTimes(), lo = 0, hi = times.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (times[mid] <= after) { lo = mid + 1; } else { hi = mid; } }
      return lo < times.length ? times[lo] : Infinity;
    },

    play: function () {
      var self = this;
      if (this.playing) { return; }
      if (this.mode === "all") { this.mode = "window"; }
      if (this.time >= this.range[1]) { this.time = this.range[0]; }
      this.playing = true;
      this._syncControls();
      this.update();
      this.timer = setInterval(function () { self._tick(); }, TICK_MS);
    },

    pause: function () {
      if (!this.playing) { return; }
      this.playing = false;
      clearInterval(this.timer);
      this._syncControls();
      this.report();
    },

    _tick: function () {
      // A step never passes over an event: it is at most the window an event stays shown.
      var step = this.speed * DAYS_PER_SECOND * DAY * TICK_MS / 1000;
      if (this.mode === "window") { step = Math.min(step, this.windowDays * DAY); }
      var next = this.time + step, change = this._nextChange(this.time);
      this.skipped = 0;
      if (change > next + 2 * step && change !== Infinity) { this.skipped = change - this.time; next = change; }
      if (next >= this.range[1]) { next = this.range[1]; }
      this.time = next;
      this.update();
      if (next >= this.range[1]) { this.pause(); }
    },

    step: function (direction) {
      this.pause();
      var months = new Date(this.time);
      months.setUTCMonth(months.getUTCMonth() + direction);
      this.setTime(months.getTime());
    },

    /* The time bar, the status line and the legend, under the map (never over it). */
    _panel: function () {
      var self = this, o = this.o, container = this.map.getContainer();
      if (!document.getElementById("mali-map-css")) {
        var style = element("style");
        style.id = "mali-map-css";
        style.textContent = o.css;
        document.head.appendChild(style);
      }
      var below = this.below = element("div", "mali-below");
      container.parentNode.insertBefore(below, container.nextSibling);
      var bar = element("div", "mali-time", below);
      var play = this.playButton = element("button", "mali-play", bar);
      play.type = "button";
      play.addEventListener("click", function () { if (self.playing) { self.pause(); } else { self.play(); } });
      var back = element("button", "mali-step", bar), forward = element("button", "mali-step", bar);
      back.type = forward.type = "button";
      back.innerHTML = "&#8249;"; forward.innerHTML = "&#8250;";
      back.title = "One month back";
      forward.title = "One month forward";
      back.setAttribute("aria-label", "One month back");
      forward.setAttribute("aria-label", "One month forward");
      back.addEventListener("click", function () { self.step(-1); });
      forward.addEventListener("click", function () { self.step(1); });
      var track = element("div", "mali-track", bar);
      this.spark = element("canvas", "mali-spark", track);
      var slider = this.slider = element("input", "mali-slider", track);
      slider.type = "range";
      slider.min = this.range[0]; slider.max = this.range[1]; slider.step = DAY;
      slider.setAttribute("aria-label", "Date on the map");
      slider.addEventListener("input", function () { self.pause(); self.setTime(Number(slider.value), true); });
      slider.addEventListener("change", function () { self.report(); });
      var date = this.dateInput = element("input", "mali-date", bar);
      date.type = "date";
      date.min = isoDay(this.range[0]); date.max = isoDay(this.range[1]);
      date.setAttribute("aria-label", "Go to a date");
      date.addEventListener("change", function () {
        var ms = Date.parse(date.value + "T00:00:00Z");
        if (!isNaN(ms)) { self.pause(); self.setTime(ms); }
      });
      var settings = element("div", "mali-settings", bar);
      var mode = this.modeSelect = this._select(settings, "Show", [["all", "every event of the range"],
        ["window", "a window up to the date"], ["cumulative", "every event up to the date"]]);
      mode.addEventListener("change", function () { self.setMode(mode.value); });
      var windows = this.windowSelect = this._select(settings, "Window", o.windows.map(function (w) {
        return [String(w[1]), w[0]]; }));
      windows.addEventListener("change", function () {
        self.windowDays = Number(windows.value); self._changes = null; self.update(); self.report(); });
      var speed = this.speedSelect = this._select(settings, "Speed", o.speeds.map(function (s) {
        return [String(s), s + "\u00d7"]; }));
      speed.addEventListener("change", function () { self.speed = Number(speed.value); self.report(); });
      this.status = element("div", "mali-status", below);
      this.status.setAttribute("aria-live", "polite");
      if (o.note) { element("div", "mali-note", below).innerHTML = o.note; }
      (window.maliMapBoxes || []).forEach(function (box) {  // other layers' boxes (map/controls.py MapControl)
        var node = element("div", box.className, below);
        node.innerHTML = box.html;
        var details = node.querySelector("details");
        if (details && self.map.getSize().x < 640) { details.open = false; }
        if (details) { details.addEventListener("toggle", function () { self._layout(); }); }
      });
      var legend = element("details", "mali-legend", below);
      legend.open = true;
      legend.innerHTML = o.legend;
      legend.addEventListener("toggle", function () { self._layout(); });
      this._syncControls();
    },

    _select: function (parent, label, choices) {
      var wrap = element("label", "mali-choice", parent);
      element("span", "", wrap).textContent = label;
      var select = element("select", "", wrap);
      choices.forEach(function (choice) {
        var option = element("option", "", select);
        option.value = choice[0]; option.textContent = choice[1];
      });
      return select;
    },

    _syncControls: function () {
      if (!this.playButton) { return; }
      this.playButton.innerHTML = (this.playing ? ICON_PAUSE : ICON_PLAY) + "<span>" + (this.playing ? "Pause" : "Play") + "</span>";
      this.playButton.setAttribute("aria-label", this.playing ? "Pause" : "Play the events in time");
      this.playButton.setAttribute("aria-pressed", this.playing ? "true" : "false");
      this.modeSelect.value = this.mode;
      this.windowSelect.value = String(this.windowDays);
      this.windowSelect.parentNode.style.display = this.mode === "window" ? "" : "none";
      this.speedSelect.value = String(this.speed);
    },

    _timeBar: function () {
      if (!this.slider) { return; }
      this.slider.value = this.time;
      this.dateInput.value = isoDay(this.time);
      var shown = this.aggregated ? this.shownLayers.reduce(function (n, c) { return n + c.visibleCount; }, 0)
                                  : this.shownLayers.length;
      var words = shown === 1 ? "1 event" : shown.toLocaleString("en") + " events";
      var text;
      if (this.mode === "all") {
        text = words + " from " + dayText(this.range[0]) + " to " + dayText(this.range[1]) + ". Play, or pick a date, to see them in time.";
      } else if (this.mode === "cumulative") {
        text = words + " up to " + dayText(this.time) + ".";
      } else {
        var label = this.windowSelect.options[this.windowSelect.selectedIndex];
        text = words + " in the " + (label ? label.textContent : this.windowDays + " days") + " to " + dayText(this.time) + ".";
      }
      if (this.skipped > 0) { text += " (skipped " + Math.round(this.skipped / (30.44 * DAY)) + " months with nothing new)"; }
      this.status.textContent = text;
      this._sparkline();
    },

    /* Events per month along the slider, with the date (and the window) marked. */
    _sparkline: function () {
      var canvas = this.spark, width = canvas.clientWidth, height = canvas.clientHeight;
      if (!width || !height) { return; }
      var ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio)) { canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio); }
      var ctx = canvas.getContext("2d"), span = Math.max(this.range[1] - this.range[0], DAY);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      if (!this._bins) {
        var bins = this._bins = new Array(Math.max(1, Math.min(240, Math.round(span / (30.44 * DAY))))).fill(0);
        var self = this;
        this.features.forEach(function (f) {
          var at = Math.min(bins.length - 1, Math.floor((f.properties.start - self.range[0]) / span * bins.length));
          bins[Math.max(0, at)] += f.properties.n || 1;
        });
      }
      var most = Math.max.apply(null, this._bins) || 1, barWidth = width / this._bins.length;
      ctx.fillStyle = "#9aa7b4";
      this._bins.forEach(function (count, i) {
        if (count) { var h = Math.max(2, count / most * (height - 2)); ctx.fillRect(i * barWidth, height - h, Math.max(1, barWidth - 0.5), h); }
      });
      if (this.mode !== "all") {
        var x = (this.time - this.range[0]) / span * width;
        var from = this.mode === "window" ? Math.max(0, x - this.windowDays * DAY / span * width) : 0;
        ctx.fillStyle = "rgba(224,17,95,0.15)"; ctx.fillRect(from, 0, x - from, height);
        ctx.fillStyle = this.o.selected; ctx.fillRect(x - 1, 0, 2, height);
      }
    },

    /* The map's height is what the frame leaves once the time bar and legend are placed. */
    _layout: function () {
      var container = this.map.getContainer();
      if (!this.total) { this.total = container.offsetHeight || window.innerHeight; }
      var height = Math.max(180, this.total - this.below.offsetHeight);
      if (container.style.height !== height + "px") {
        container.style.height = height + "px";
        this.map.invalidateSize({pan: false});
      }
      if (this.spark) { this._sparkline(); }
    },

    /* One tooltip, opened on the side with room and moved back inside the map if it would be cut off. */
  });
})();
