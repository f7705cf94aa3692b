import { useKadar } from '../store/store';
import './search-box.css';

/**
 * One box over everything the catalog knows. The catalog folds case, diacritics and script
 * itself ("Nis", "Niš" and "Ниш" match alike), so the text is sent as typed.
 */
export function SearchBox() {
  const searchText = useKadar((s) => s.searchText);
  const setSearchText = useKadar((s) => s.setSearchText);

  return (
    <div className="search-box" role="search">
      <label htmlFor="search-input" className="visually-hidden">
        Search photos
      </label>
      <span className="search-icon" aria-hidden="true" />
      <input
        id="search-input"
        type="search"
        placeholder="Search names, places, events, cameras…"
        autoComplete="off"
        spellCheck={false}
        value={searchText}
        onChange={(e) => setSearchText(e.target.value)}
        data-testid="search-input"
      />
    </div>
  );
}
