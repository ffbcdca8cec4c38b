"""The load test's printed report: the figures per wave, what the adding client did, and every session's checks."""
from __future__ import annotations

def _filters_text(params: dict[str, list[str]]) -> str:
    return " ".join(f"{key}={','.join(values)}" for key, values in params.items() if key != "event") or "(none)"


def cache_line(number: int, wave: dict) -> str:
    """What Streamlit itself says it holds while the wave's sessions are open (and session state after they close)."""
    held, after = wave["metrics_open"].get("cache_bytes", {}), wave["metrics_after"].get("cache_bytes", {})
    state, state_after = held.get("st_session_state", 0) / 1024, after.get("st_session_state", 0) / 1024
    return (f"wave {number} caches: catalogue {held.get('load_catalogue', 0) / 2**20:.1f} MB, maps "
            f"{held.get('events_map', 0) / 2**20:.1f} MB ({wave['metrics_open'].get('events_map_max_entries', 0)} "
            f"evicted so far); session state {state:.0f} KB for {wave['active_sessions_open']} open sessions, "
            f"{state_after:.0f} KB after they closed")


def adds_line(number: int, wave: dict) -> str:
    """What the adding client did in a wave, and whether the sessions' last data is the folder's full build."""
    saved = [a["saved_s"] for a in wave["adds"] if not a["error"]]
    failed = [f"{a['name']}: {a['error']}" for a in wave["adds"] if a["error"]]
    return (f"wave {number} adds: {len(saved)} of {len(wave['adds'])} articles saved through the panel "
            f"({', '.join(f'{t:.1f}' for t in saved)} s each, upload to 'Saved' shown) while the changers changed; "
            f"events {wave['events_before']} -> {wave['events_after']}; every session's own rerun after them "
            f"settled in {wave['reruns_settled_s']} s; expected data = full build of the folder: "
            f"{'yes' if wave.get('full_build_matches') else 'NO'}" + "".join(f"\n    FAILED {f}" for f in failed))


def report(result: dict) -> str:
    load = "/".join(f"{x:.1f}" for x in result["load_average_before"])
    lines = [f"{result['sessions']} sessions x {result['waves']} waves, {result['events']} events, "
             f"{result['cpus']} CPUs (load average {load} before); opened {result['batch']} at a time",
             f"server up {result.get('server_start_s')} s; first page (cold catalogue) "
             f"{result.get('warmup', {}).get('first_load_s')} s",
             f"RSS (server process tree): up {result.get('rss_server_up_mb')} MB, after warm-up "
             f"{result.get('rss_after_warmup_mb')} MB, peak {result.get('peak_rss_mb')} MB", ""]
    lines.append(f"{'wave':>4} {'all ready s':>11} {'server CPU s':>12} {'browser CPU s':>13} {'peak MB':>8} "
                 f"{'with sess.':>10} {'MB/sess':>7} {'after close':>11} {'growth':>6} {'active':>6} {'isolated':>8}")
    for number, wave in enumerate(result["by_wave"], 1):
        isolated = sum(s["ok"] for s in wave["isolation"])
        lines.append(f"{number:>4} {wave['all_ready_s']:>11} {wave['cpu_open']['server_cpu_s']:>12} "
                     f"{wave['cpu_open']['browser_cpu_s']:>13} {wave['peak_rss_mb']:>8} "
                     f"{wave['rss_with_sessions_mb']:>10} {wave['mb_per_session']:>7} {wave['rss_after_close_mb']:>11} {wave['growth_after_close_mb']:>6} "
                     f"{wave['active_sessions_open']!s:>6} {isolated:>5}/{wave['sessions']}")
    lines += [cache_line(number, wave) for number, wave in enumerate(result["by_wave"], 1)]
    lines += [adds_line(number, wave) for number, wave in enumerate(result["by_wave"], 1) if wave.get("adds")]
    lines += ["", f"{'wave':>4} {'sess':>4} {'ready s':>7} {'expected counts':<42} {'detail':<28} ok  filters"]
    for number, wave in enumerate(result["by_wave"], 1):
        for s in wave["isolation"]:
            first = s["checks"][0]["expected"] if s["checks"] else ""
            lines.append(f"{number:>4} {s['session']:>4} {s['ready_s']!s:>7} {first:<42} "
                         f"{(s['heading'] or '(Click a marker…)')[:28]:<28} {'yes' if s['ok'] else 'NO ':<3} "
                         f"{_filters_text(s['url_params'])}; {s['change']}")
            for check in s["checks"]:
                if not check["ok"]:
                    lines.append(f"{'':>10} {check['phase']}: {'; '.join(check['mismatches'])[:200]}")
            lines += [f"{'':>10} {error}" for error in s["errors"]]
    lines.append("")
    lines += [f"ERROR: {result['error']}"] if "error" in result else []
    lines += result.get("server_log_tail", [])
    lines.append("every session showed its own counts, URL, sidebar and detail" if result["ok"]
                 else "FAILED: see above")
    return "\n".join(lines)
