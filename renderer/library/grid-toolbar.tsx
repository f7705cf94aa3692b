import { SearchBox } from '../search/search-box';
import { SortControl } from './sort-control';
import { ThumbSizeSlider } from './thumb-size-slider';

export function GridToolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-label="Search and view">
      <SearchBox />
      <div className="toolbar-spacer" />
      <SortControl />
      <ThumbSizeSlider />
    </div>
  );
}
