import { render } from 'solid-js/web'
render(() => <div>hello</div>, document.getElementById('root')!)
