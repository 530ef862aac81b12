import type { JobView } from '../../../../core/printing/types.js';
import { printerName } from '../../i18n/printer-name.js';
import { errorKey } from '../../i18n/index.js';
import { useT } from '../../i18n/useT.js';
import { usePackdesk } from '../../store/context.js';
import { formatTime } from './format.js';

interface Props {
  jobs: JobView[];
  /** The job whose resend is in flight. */
  resending: number | null;
  onResend(jobId: number): void;
}

/** Jobs that may not have printed: only these can be sent again, and only when the packer says so. */
const mayResend = (job: JobView) => job.state === 'UNKNOWN' || job.state === 'FAILED';
/** Cut off mid-send: half a label may be in the printer (the core ends it before the next job). */
const partly = (job: JobView) => job.state === 'UNKNOWN' && job.mayHavePrintedPartly;

/**
 * Every print job of the order, newest first, with its outcome. A job of unknown outcome (the
 * station stopped while sending) is marked and offers Resend; nothing is ever resent on its own.
 */
export function JobHistory({ jobs, resending, onResend }: Props) {
  const t = useT();
  const language = usePackdesk((s) => s.settings.language);
  // A job already sent again is answered by the newer job's row, not by a second resend.
  const resentAs = new Map(jobs.filter((j) => j.resendOf !== null).map((j) => [j.resendOf!, j.id]));
  return (
    <section className="job-history" aria-labelledby="job-history-title">
      <h3 id="job-history-title">{t('reprint.jobs.title')}</h3>
      {jobs.length === 0 ? (
        <p className="muted">{t('reprint.jobs.empty')}</p>
      ) : (
        <table className="job-history__table">
          <thead>
            <tr>
              <th scope="col">{t('reprint.jobs.when')}</th>
              <th scope="col">{t('reprint.jobs.what')}</th>
              <th scope="col">{t('reprint.jobs.printer')}</th>
              <th scope="col">{t('reprint.jobs.state')}</th>
              <th scope="col">{t('reprint.jobs.by')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const resent = resentAs.get(job.id);
              return (
                <tr key={job.id} className={`job is-${job.state.toLowerCase()}`} data-testid="job-row" data-state={job.state}>
                  <td className="job__when">
                    <div>{formatTime(job.sentAt ?? job.createdAt, language)}</div>
                    <div className="muted">{t('reprint.job.id', { jobId: job.id })}</div>
                  </td>
                  <td>
                    <div>{t(`reprint.job.kind.${job.kind}`)}</div>
                    <div className="muted">{t(`reprint.job.document.${job.document}`)}</div>
                  </td>
                  <td>{printerName(t, job.printerName)}</td>
                  <td className="job__state">
                    <span className="job__badge">{t(`reprint.job.state.${job.state}`)}</span>
                    {job.errorCode && <div className="job__error">{t(errorKey(job.errorCode))}</div>}
                    {job.state === 'UNKNOWN' && resent === undefined && (
                      <div className="job__hint" data-testid="job-hint">
                        {t(partly(job) ? 'reprint.job.partialHint' : 'reprint.job.unknownHint')}
                      </div>
                    )}
                    {resent !== undefined && <div className="muted">{t('reprint.job.resentAs', { jobId: resent })}</div>}
                    {mayResend(job) && resent === undefined && (
                      <button
                        type="button"
                        className="button button--warning job__resend"
                        data-testid="resend-button"
                        aria-label={t(partly(job) ? 'reprint.job.reprintFor' : 'reprint.job.resendFor', { jobId: job.id })}
                        disabled={resending !== null}
                        onClick={() => onResend(job.id)}
                      >
                        {t(partly(job) ? 'reprint.job.reprint' : 'reprint.job.resend')}
                      </button>
                    )}
                  </td>
                  <td>{t('reprint.job.who', { packer: job.packer, station: job.station })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
