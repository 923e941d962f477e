// tfjs-core's Node entry registers no gradients (tf.grad / variableGrads would throw "gradient function
// not found"); this loads all of them once, from a Node-loadable bundle of tfjs-core's own gradient code.
import './vendor/register-all-gradients.js';
