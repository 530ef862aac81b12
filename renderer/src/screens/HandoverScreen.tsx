import { useCallback, useEffect, useRef, useState } from 'react';
import { sounds as defaultSounds, type Cue, type SoundPlayer } from '../feedback/sounds.js';
import { useT } from '../i18n/useT.js';
import type { CapturedScan } from '../scanner/scan.js';
import { useScanner } from '../scanner/useScanner.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';
import { ClosedSummary } from './handover/ClosedSummary.js';
import { CloseDialog } from './handover/CloseDialog.js';
import { handoverCue } from './handover/feedback.js';
import { HandoverNotice } from './handover/HandoverNotice.js';
import { HandoverSetup, type HandoverChoice } from './handover/HandoverSetup.js';
import { HandoverVerdictPanel } from './handover/HandoverVerdictPanel.js';
import { ParcelList } from './handover/ParcelList.js';
import { useEnterKey } from './handover/useEnterKey.js';
import { useFunctionKeys } from './handover/useFunctionKeys.js';
import { ManualEntry } from './pack/ManualEntry.js';
import './handover/handover.css';

/** Handover: scan every parcel into the courier's batch, see what does not belong, close the batch. */
export function HandoverScreen({ sounds = defaultSounds }: { sounds?: SoundPlayer }) {
  const t = useT();
  const batch = usePackdesk((s) => s.handover.batch);
  const count = usePackdesk((s) => s.handover.count);
  const last = usePackdesk((s) => s.handover.last);
  const rejected = usePackdesk((s) => s.handover.rejected);
  const busy = usePackdesk((s) => s.handover.busy);
  const failure = usePackdesk((s) => s.handover.failure);
  const arrangeOffer = usePackdesk((s) => s.handover.arrangeOffer);
  const soundsOn = usePackdesk((s) => s.settings.sounds);
  const actions = usePackdeskStore().getState();
  // Kept while the screen is up, so the next batch starts as the last one was set up.
  const [choice, setChoice] = useState<HandoverChoice>(() => ({ method: batch?.method ?? 'PICKUP', carrier: batch?.carrier ?? '' }));
  const [opening, setOpening] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [openFirst, setOpenFirst] = useState(false);
  const manualEntry = useRef<HTMLInputElement>(null);
  const isOpen = batch !== null && batch.closedAt === null;

  const beep = useCallback(
    (cue: Cue) => {
      if (soundsOn) sounds.play(cue);
    },
    [sounds, soundsOn],
  );

  const onScan = useCallback(
    (scan: CapturedScan) => {
      if (!isOpen) {
        setOpenFirst(true);
        beep('wrong');
        return;
      }
      // Scans still count while the close is being confirmed: the parcel is already on the pile.
      void actions.scanParcel(scan);
    },
    [actions, beep, isOpen],
  );
  // A burst cut short: said until the next parcel's verdict replaces it.
  const [cutShortAfter, setCutShortAfter] = useState<{ n: number; scanId: string | null } | null>(null);
  const onIncomplete = useCallback(() => {
    beep('wrong');
    setCutShortAfter((c) => ({ n: (c?.n ?? 0) + 1, scanId: last?.scanId ?? null }));
  }, [beep, last]);
  useScanner(onScan, { onIncomplete });
  const cutShort = cutShortAfter !== null && cutShortAfter.scanId === (last?.scanId ?? null) ? cutShortAfter.n : null;

  // One sound per verdict, when it arrives.
  const sounded = useRef<string | null>(null);
  useEffect(() => {
    if (!last || sounded.current === last.scanId) return;
    sounded.current = last.scanId;
    beep(handoverCue(last));
  }, [last, beep]);

  // biome-ignore lint/correctness/noComponentHookFactories: F2 and F4 are key names mapped to handlers, not components
  useFunctionKeys({ F2: () => manualEntry.current?.focus(), F4: () => setConfirming(true) }, isOpen && !confirming);
  // "Shipment not arranged — press Enter to arrange now": that parcel only, only on Enter.
  const arrange = () => void actions.arrangeOfferedParcel();
  useEnterKey(arrange, isOpen && !confirming && arrangeOffer !== null && !arrangeOffer.arranging && cutShort === null);

  async function open(c: HandoverChoice) {
    setOpening(true);
    setOpenFirst(false);
    try {
      await actions.openHandover(c.method, c.carrier);
    } finally {
      setOpening(false);
    }
  }

  const openFirstAlert = openFirst && (
    <p className="notice notice--error" role="alert">
      <strong>{t('handover.openFirst')}</strong>
    </p>
  );

  if (!batch || batch.closedAt !== null) {
    return (
      <div className="handover-screen handover-screen--setup" data-testid="screen-handover">
        {batch ? (
          <ClosedSummary
            batch={batch}
            onNew={() => {
              setOpenFirst(false);
              actions.startNewHandover();
            }}
          />
        ) : (
          <HandoverSetup choice={choice} onChange={setChoice} onOpen={(c) => void open(c)} opening={opening} />
        )}
        {openFirstAlert}
        <HandoverNotice failure={failure} onDismiss={actions.dismissHandoverFailure} />
      </div>
    );
  }

  const carrier = batch.carrier || t('handover.anyCarrier');
  return (
    <div className="handover-screen" data-testid="screen-handover">
      <div className="handover-screen__work" inert={confirming}>
        <aside className="handover-screen__side">
          <h2 className="handover-screen__batch">{t('handover.batch', { batchId: batch.id, method: t(`handover.method.${batch.method}`), carrier })}</h2>
          <div className="handover-count">
            <span className="handover-count__label" id="handover-count-label">
              {t('handover.count')}
            </span>
            <output className="handover-count__value" data-testid="handover-count" aria-labelledby="handover-count-label" aria-live="polite">
              {count}
            </output>
          </div>
          <HandoverVerdictPanel last={last} busy={busy} cutShort={cutShort} arrangeOffer={arrangeOffer} onArrange={arrange} />
          <HandoverNotice failure={failure} onDismiss={actions.dismissHandoverFailure} />
          <ManualEntry ref={manualEntry} onScan={onScan} />
          <button type="button" className="button button--big" data-testid="handover-close" onClick={() => setConfirming(true)} aria-keyshortcuts="F4">
            {t('handover.close')} <kbd>F4</kbd>
          </button>
          <p className="handover-screen__keys muted">{t('handover.keys')}</p>
        </aside>
        <ParcelList rejected={rejected} parcels={batch.parcels} lastOrderId={last?.ok ? last.orderId : null} />
      </div>
      {confirming && (
        <CloseDialog
          batchId={batch.id}
          count={count}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void actions.closeHandover();
          }}
        />
      )}
    </div>
  );
}
