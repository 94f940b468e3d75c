// The Progress dashboard's browser entry: connects to the host and shows each summary it sends.
// Chart.js stays in its own chunk, fetched the first time a summary has something to chart.
import { connectToHost } from '../common/host';
import { type DashboardToHost, hostToDashboard, type HostToDashboard } from '../../src/shared/protocol/dashboard';
import type { ChartLoader } from './charts';
import { createDashboard, type DashboardViewState } from './dashboard';
import '../common/buttons.css';
import './styles.css';

const loadCharts: ChartLoader = async () => (await import('./chartRuntime')).createChart;

// Messages arrive as events, so none can reach the handler before `dashboard` exists.
const host = connectToHost<HostToDashboard, DashboardToHost>(hostToDashboard, message => {
	switch (message.type) {
		case 'summary/set':
			void dashboard.show(message.summary, message.user);
			break;
	}
});

const dashboard = createDashboard({
	root: document.getElementById('root')!,
	post: message => host.post(message),
	loadCharts,
	state: {
		get: () => host.getState<DashboardViewState>(),
		set: state => host.setState(state),
	},
});
