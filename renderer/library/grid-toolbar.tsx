import { HistoryButtons } from '../history/history-buttons';
import { SelectionActions } from '../events/selection-actions';
import { SearchBox } from '../search/search-box';
import { SortControl } from './sort-control';
import { ThumbSizeSlider } from './thumb-size-slider';

export function GridToolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-label="Search and view">
      <SearchBox />
      <SelectionActions />
      <div className="toolbar-spacer" />
      <HistoryButtons />
      <SortControl />
      <ThumbSizeSlider />
    </div>
  );
}
