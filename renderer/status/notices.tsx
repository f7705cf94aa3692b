import { useKadar } from '../store/store';

/** Failures of calls the user did not wait on (refreshes, cancel, show in folder…). */
export function Notices() {
  const notices = useKadar((s) => s.notices);
  const dismissNotice = useKadar((s) => s.dismissNotice);
  if (notices.length === 0) return null;

  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={notice.kind === 'info' ? 'notice notice-info' : 'notice'}
          role={notice.kind === 'info' ? 'status' : 'alert'}
          data-testid={notice.kind === 'info' ? 'info-notice' : 'notice'}
        >
          <span>{notice.message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => dismissNotice(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
