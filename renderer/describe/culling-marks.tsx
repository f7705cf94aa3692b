import type { Photo } from '../../shared/api/photo-schema';
import './culling.css';

/** A photo's stars, flag and colour label, over its thumbnail or beside it in the viewer. */
export function CullingMarks({ photo }: { photo: Pick<Photo, 'rating' | 'flag' | 'label'> }) {
  const { rating, flag, label } = photo;
  if (!rating && !flag && !label) return null;
  return (
    <span className="culling-marks" data-testid="culling-marks">
      {label && (
        <span
          className={`culling-label culling-label-${label}`}
          title={`Label: ${label}`}
          data-testid="label-mark"
          data-label={label}
        />
      )}
      {flag && (
        <span
          className={`culling-flag culling-flag-${flag}`}
          title={flag === 'pick' ? 'Pick' : 'Rejected'}
          data-testid="flag-mark"
          data-flag={flag}
        >
          {flag === 'pick' ? '⚑' : '✕'}
        </span>
      )}
      {rating ? (
        <span
          className="culling-stars"
          title={`${rating} star${rating === 1 ? '' : 's'}`}
          data-testid="rating-mark"
          data-rating={rating}
        >
          {'★'.repeat(rating)}
        </span>
      ) : null}
    </span>
  );
}
