/**
 * Headless Debian Chromium driven over the Chrome DevTools Protocol (a
 * WebSocket; no npm package): open a page, wait for a condition, evaluate
 * script, take a screenshot of a region. The browser runs with a private
 * profile and dies with this process's `close()`.
 *
 * @module
 */

import { TextLineStream } from "./_lines.ts";

/** Chromium's binary (Debian package `chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** A page (tab) in the browser. */
export interface Page {
  /** Load a URL and wait for its `load` event. */
  goto(url: string): Promise<void>;
  /** Evaluate an expression in the page; its value is returned by value (JSON). */
  evaluate<T>(expression: string): Promise<T>;
  /** Poll `expression` until it is truthy, or throw after `seconds`. */
  waitFor(expression: string, seconds: number, what: string): Promise<void>;
  /** A PNG screenshot of a region in CSS pixels of the viewport (or the whole viewport). */
  screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Uint8Array>;
  /** Close the tab. */
  close(): Promise<void>;
}

/** A running headless Chromium. */
export interface Browser {
  /** A new tab with the given viewport size. */
  newPage(width?: number, height?: number): Promise<Page>;
  /** Kill the browser and remove its profile. */
  close(): Promise<void>;
}

/**
 * Start headless Chromium with a throw-away profile and connect to it.
 *
 * @returns the browser
 * @throws Error when Chromium does not start within 30 s
 */
export async function launchChromium(): Promise<Browser> {
  const profile = await Deno.makeTempDir({ prefix: "chromium-" });
  const child = new Deno.Command(CHROMIUM, {
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--hide-scrollbars",
      "--force-device-scale-factor=1",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const url = await endpoint(child.stderr);
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error(`cannot connect to Chromium at ${url}`));
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(m: { method: string; sessionId?: string }) => void>();
  ws.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(`CDP: ${msg.error.message}`));
      else p?.resolve(msg.result);
    } else for (const l of listeners) l(msg);
  };
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params, sessionId }));
    });
  const once = (method: string, sessionId: string, seconds: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(l);
        reject(new Error(`no ${method} within ${seconds} s`));
      }, seconds * 1000);
      const l = (m: { method: string; sessionId?: string }) => {
        if (m.method === method && m.sessionId === sessionId) {
          clearTimeout(timer);
          listeners.delete(l);
          resolve();
        }
      };
      listeners.add(l);
    });

  async function newPage(width = 1280, height = 1000): Promise<Page> {
    const { targetId } = await send<{ targetId: string }>("Target.createTarget", {
      url: "about:blank",
    });
    const { sessionId } = await send<{ sessionId: string }>("Target.attachToTarget", {
      targetId,
      flatten: true,
    });
    const call = <T>(method: string, params: object = {}) => send<T>(method, params, sessionId);
    await call("Page.enable");
    await call("Emulation.setDeviceMetricsOverride", {
      width,
      height,
      deviceScaleFactor: 1,
      mobile: false,
    });
    const evaluate = async <T>(expression: string): Promise<T> => {
      const r = await call<{ result: { value: T }; exceptionDetails?: { text: string } }>(
        "Runtime.evaluate",
        { expression, returnByValue: true, awaitPromise: true },
      );
      if (r.exceptionDetails) throw new Error(`in page: ${JSON.stringify(r.exceptionDetails)}`);
      return r.result.value;
    };
    return {
      async goto(url) {
        const loaded = once("Page.loadEventFired", sessionId, 60);
        await call("Page.navigate", { url });
        await loaded;
      },
      evaluate,
      async waitFor(expression, seconds, what) {
        const end = Date.now() + seconds * 1000;
        while (!(await evaluate<boolean>(`Boolean(${expression})`))) {
          if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      },
      async screenshot(clip) {
        const r = await call<{ data: string }>("Page.captureScreenshot", {
          format: "png",
          ...(clip ? { clip: { ...clip, scale: 1 } } : {}),
        });
        return Uint8Array.from(atob(r.data), (c) => c.charCodeAt(0));
      },
      async close() {
        await send("Target.closeTarget", { targetId });
      },
    };
  }

  return {
    newPage,
    async close() {
      ws.close();
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
      await child.status;
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}

/** Read Chromium's stderr until it prints its DevTools WebSocket URL. */
async function endpoint(stderr: ReadableStream<Uint8Array>): Promise<string> {
  const lines = (stderr as ReadableStream<BufferSource>).pipeThrough(new TextDecoderStream())
    .pipeThrough(new TextLineStream());
  const reader = lines.getReader();
  const timer = setTimeout(() => reader.cancel(), 30_000);
  const seen: string[] = [];
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      const m = value.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        // keep draining stderr so Chromium never blocks on a full pipe
        (async () => {
          while (!(await reader.read()).done) { /* discard */ }
        })().catch(() => {});
        return m[1]!;
      }
      seen.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  throw new Error(`Chromium did not start:\n${seen.slice(-10).join("\n")}`);
}
