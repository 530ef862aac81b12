/** What the packer hears; each must be told apart without looking at the screen. */
export type Cue = 'accepted' | 'complete' | 'wrong' | 'alert';

interface Tone {
  hz: number;
  ms: number;
  wave: OscillatorType;
}

/**
 * Accepted: one short high beep. Complete: a rising three-note chime. Wrong: a low buzz, twice.
 * Alert (order must not be packed): a long falling two-tone. Made with oscillators: nothing to
 * download, works offline.
 */
const CUES: Record<Cue, Tone[]> = {
  accepted: [{ hz: 1320, ms: 90, wave: 'sine' }],
  complete: [
    { hz: 880, ms: 110, wave: 'sine' },
    { hz: 1175, ms: 110, wave: 'sine' },
    { hz: 1568, ms: 220, wave: 'sine' },
  ],
  wrong: [
    { hz: 180, ms: 200, wave: 'square' },
    { hz: 0, ms: 70, wave: 'square' },
    { hz: 180, ms: 260, wave: 'square' },
  ],
  alert: [
    { hz: 660, ms: 350, wave: 'triangle' },
    { hz: 440, ms: 550, wave: 'triangle' },
  ],
};

export interface SoundPlayer {
  play(cue: Cue): void;
}

type AudioContextFactory = () => AudioContext | null;

function browserAudio(): AudioContext | null {
  const Ctor = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  return Ctor ? new Ctor() : null;
}

/**
 * A player that opens its audio context on first use: browsers only let audio start after a
 * user gesture, and the scanner's key presses are one.
 */
export function createSoundPlayer(makeContext: AudioContextFactory = browserAudio): SoundPlayer {
  let ctx: AudioContext | null | undefined;
  return {
    play(cue) {
      if (ctx === undefined) ctx = makeContext();
      if (!ctx) return;
      if (ctx.state === 'suspended') void ctx.resume();
      let at = ctx.currentTime + 0.01;
      for (const tone of CUES[cue]) {
        const seconds = tone.ms / 1000;
        if (tone.hz > 0) playTone(ctx, tone, at, seconds);
        at += seconds;
      }
    },
  };
}

function playTone(ctx: AudioContext, tone: Tone, at: number, seconds: number) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = tone.wave;
  osc.frequency.value = tone.hz;
  // Short ramps at both ends: a hard start or stop clicks in the speaker.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.3, at + 0.01);
  gain.gain.setValueAtTime(0.3, at + seconds - 0.02);
  gain.gain.linearRampToValueAtTime(0, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds);
}

/** The one player of the window. */
export const sounds: SoundPlayer = createSoundPlayer();
