import { useKadar } from '../store/store';
import { thumbSizes } from '../store/view-slice';

export function ThumbSizeSlider() {
  const thumbSize = useKadar((s) => s.thumbSize);
  const setThumbSize = useKadar((s) => s.setThumbSize);

  return (
    <div className="toolbar-group">
      <label htmlFor="thumb-size">Size</label>
      <input
        id="thumb-size"
        type="range"
        min={thumbSizes.min}
        max={thumbSizes.max}
        step={thumbSizes.step}
        value={thumbSize}
        onChange={(e) => setThumbSize(Number(e.target.value))}
        data-testid="thumb-size"
      />
    </div>
  );
}
