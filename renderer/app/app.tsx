export function App() {
  return <div className="app">Kadar</div>;
}
