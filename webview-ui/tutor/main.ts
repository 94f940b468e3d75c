// The Tutor view's browser side: connects the view (app.ts) to the extension host.
import { connectToHost } from '../common/host';
import { hostToTutor, type HostToTutor, type TutorToHost } from '../../src/shared/protocol/tutor';
import { TutorApp } from './app';
import '../common/buttons.css';
import './styles.css';

// Messages arrive as tasks after this script has run; the queue only guards against that changing.
const early: HostToTutor[] = [];
let deliver: (message: HostToTutor) => void = message => void early.push(message);
const host = connectToHost<HostToTutor, TutorToHost>(hostToTutor, message => deliver(message));
const app = new TutorApp(document.getElementById('root')!, host);
deliver = message => app.handle(message);
early.splice(0).forEach(deliver);
