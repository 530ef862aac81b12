import { useCallback, useEffect, useRef, useState } from 'react';
import { cueFor } from '../feedback/verdict.js';
import { sounds as defaultSounds, type Cue, type SoundPlayer } from '../feedback/sounds.js';
import { useT } from '../i18n/useT.js';
import type { CapturedScan } from '../scanner/scan.js';
import { useScanner } from '../scanner/useScanner.js';
import { usePackdesk, usePackdeskStore } from '../store/context.js';
import { reprintTarget } from '../store/packing.js';
import { BlockingBanner } from './pack/BlockingBanner.js';
import { DoneCard } from './pack/DoneCard.js';
import { LineList } from './pack/LineList.js';
import { LinkNotice } from './pack/LinkNotice.js';
import { ManualEntry } from './pack/ManualEntry.js';
import { nextLine } from './pack/binWalk.js';
import { NextCard } from './pack/NextCard.js';
import { NoticeBar } from './pack/NoticeBar.js';
import { OrderHeader } from './pack/OrderHeader.js';
import { PackActions } from './pack/PackActions.js';
import { ScanHistory } from './pack/ScanHistory.js';
import { ShortPackDialog } from './pack/ShortPackDialog.js';
import { usePackKeys } from './pack/usePackKeys.js';
import { VerdictPanel } from './pack/VerdictPanel.js';
import { ConflictBanners } from './sync/ConflictBanners.js';

/** Scan-to-pack: the screen the packer works in all day, scanner in one hand. */
export function PackScreen({ sounds = defaultSounds }: { sounds?: SoundPlayer }) {
  const t = useT();
  const order = usePackdesk((s) => s.packing.order);
  const verdict = usePackdesk((s) => s.packing.lastVerdict);
  const history = usePackdesk((s) => s.packing.history);
  const busy = usePackdesk((s) => s.packing.busy);
  const block = usePackdesk((s) => s.packing.block);
  const notice = usePackdesk((s) => s.packing.notice);
  const incompleteScan = usePackdesk((s) => s.packing.incompleteScan);
  const label = usePackdesk((s) => s.packing.label);
  // F8 and the packing slip are for an order scanned after it was packed, else the open one.
  const target = usePackdesk((s) => reprintTarget(s.packing));
  // While the station is not answering, a scan sent and not answered is as good as kept.
  const kept = usePackdesk((s) => s.packing.kept.length + (s.status.answering ? 0 : s.packing.awaiting));
  const connected = usePackdesk((s) => s.status.connected);
  const answering = usePackdesk((s) => s.status.answering);
  const singleItemMode = usePackdesk((s) => s.settings.singleItemMode);
  const soundsOn = usePackdesk((s) => s.settings.sounds);
  const actions = usePackActions();
  const [shortPackOpen, setShortPackOpen] = useState(false);
  const manualEntry = useRef<HTMLInputElement>(null);
  const modal = block !== null || shortPackOpen;
  const next = order && order.packedAt === null ? nextLine(order.lines) : null;

  const beep = useCallback(
    (cue: Cue) => {
      if (soundsOn) sounds.play(cue);
    },
    [sounds, soundsOn],
  );

  const onScan = useCallback(
    (scan: CapturedScan) => {
      // Nothing is scanned past the banner: the packer must confirm having put the order aside.
      if (block) beep('alert');
      else if (!shortPackOpen) void actions.scan(scan);
    },
    [actions, beep, block, shortPackOpen],
  );
  const onIncomplete = useCallback(() => {
    if (block) return beep('alert');
    beep('wrong');
    actions.scanIncomplete();
  }, [actions, beep, block]);
  useScanner(onScan, { onIncomplete });

  // One sound per verdict, when it arrives; not again on re-renders or a settings change.
  const sounded = useRef<string | null>(null);
  useEffect(() => {
    if (!verdict || sounded.current === verdict.scanId) return;
    sounded.current = verdict.scanId;
    beep(cueFor(verdict));
  }, [verdict, beep]);

  usePackKeys(
    {
      undo: () => void actions.undoLastScan(),
      reprint: () => void actions.reprintLabel(),
      shortPack: () => order && setShortPackOpen(true),
      toggleSingleItem: () => actions.updateSettings({ singleItemMode: !singleItemMode }),
      focusManualEntry: () => manualEntry.current?.focus(),
    },
    !modal,
  );

  return (
    <div className="pack-screen" data-testid="screen-pack">
      <div className="pack-screen__work" inert={modal}>
        <section className="pack-screen__order" aria-label={t('pack.lines.caption')}>
          <ConflictBanners />
          <OrderHeader order={order} />
          {next && <NextCard line={next} />}
          {order && order.packedAt !== null && <DoneCard orderId={order.id} label={label} />}
          {order && <LineList lines={order.lines} />}
        </section>
        <aside className="pack-screen__side">
          <VerdictPanel verdict={verdict} busy={busy && connected && answering} openOrderId={order?.id ?? null} incompleteScan={incompleteScan} />
          <LinkNotice connected={connected} answering={answering} kept={kept} />
          <NoticeBar notice={notice} onDismiss={actions.dismissNotice} />
          <PackActions
            hasOrder={order !== null}
            hasTarget={target !== null}
            singleItemMode={singleItemMode}
            onUndo={() => void actions.undoLastScan()}
            onReprint={() => void actions.reprintLabel()}
            onPackingSlip={() => void actions.printPackingSlip()}
            onSlipPage={() => target && void actions.openSlipPage(target)}
            onShortPack={() => setShortPackOpen(true)}
            onToggleSingleItem={() => actions.updateSettings({ singleItemMode: !singleItemMode })}
          />
          <ManualEntry ref={manualEntry} onScan={onScan} />
          <ScanHistory history={history} />
          <p className="pack-screen__keys muted">{t('pack.keys')}</p>
        </aside>
      </div>
      {block && <BlockingBanner block={block} onAcknowledge={actions.acknowledgeBlock} />}
      {shortPackOpen && order && (
        <ShortPackDialog
          orderId={order.id}
          missing={order.unitsOrdered - order.unitsPacked}
          onCancel={() => setShortPackOpen(false)}
          onConfirm={(reason) => {
            setShortPackOpen(false);
            void actions.shortPack(reason);
          }}
        />
      )}
    </div>
  );
}

/** The store's actions never change, so they are taken once rather than subscribed to. */
function usePackActions() {
  return usePackdeskStore().getState();
}
