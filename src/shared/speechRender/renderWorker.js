// Node only (build and server): renders one text with eSpeak NG (GPL, WASM) and encodes it as MP3. Never in the app bundle.
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ESpeakNg from 'espeak-ng';
import { createMp3Encoder } from 'wasm-media-encoders';

const require = createRequire(import.meta.url);
const wasm = await WebAssembly.compile(
  readFileSync(require.resolve('espeak-ng/dist/espeak-ng.wasm')),
);
const encoder = await createMp3Encoder();

/** Runs the eSpeak NG command line on a fresh instance (its main() runs once) and returns the WAV bytes. */
async function wav(voice, text) {
  const errors = [];
  const es = await ESpeakNg({
    // '--' ends the options: a text such as "--help" or "-f x" is spoken, never read as an option.
    arguments: ['-v', voice, '-s', '150', '-w', '/tmp/out.wav', '--', text],
    instantiateWasm(imports, done) {
      void WebAssembly.instantiate(wasm, imports).then((i) => done(i, wasm));
      return {};
    },
    print() {},
    printErr(e) {
      if (!/keepRuntimeAlive/.test(e)) errors.push(e);
    },
  });
  try {
    return es.FS.readFile('/tmp/out.wav');
  } catch {
    throw new Error(`eSpeak NG rendered nothing for voice ${voice}: ${errors.join(' ')}`);
  }
}

/** 16-bit mono PCM WAV → MP3 (mono, 22.05 kHz, VBR): speech at about 3 kB a second. */
function mp3(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 12;
  let rate = 22050;
  while (off + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(off, off + 4));
    const size = view.getUint32(off + 4, true);
    if (id === 'fmt ') rate = view.getUint32(off + 12, true);
    if (id === 'data') {
      const n = Math.min(size, bytes.length - off - 8) >> 1;
      const pcm = new Float32Array(n);
      for (let i = 0; i < n; i++) pcm[i] = view.getInt16(off + 8 + i * 2, true) / 32768;
      encoder.configure({ sampleRate: rate, channels: 1, bitrate: 24 });
      const a = encoder.encode([pcm]).slice();
      const b = encoder.finalize().slice();
      const out = new Uint8Array(a.length + b.length);
      out.set(a);
      out.set(b, a.length);
      return out;
    }
    off += 8 + size + (size & 1);
  }
  throw new Error('eSpeak NG wrote a WAV without data');
}

parentPort.on('message', async ({ voice, text }) => {
  try {
    const out = mp3(await wav(voice, text));
    parentPort.postMessage({ bytes: out }, [out.buffer]);
  } catch (e) {
    parentPort.postMessage({ error: String(e) });
  }
});
