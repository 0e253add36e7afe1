"use strict";var __defProp=Object.defineProperty;var __getOwnPropDesc=Object.getOwnPropertyDescriptor;var __getOwnPropNames=Object.getOwnPropertyNames;var __hasOwnProp=Object.prototype.hasOwnProperty;var __export=(target,all)=>{for(var name in all)__defProp(target,name,{get:all[name],enumerable:true})};var __copyProps=(to,from,except,desc)=>{if(from&&typeof from==="object"||typeof from==="function"){for(let key of __getOwnPropNames(from))if(!__hasOwnProp.call(to,key)&&key!==except)__defProp(to,key,{get:()=>from[key],enumerable:!(desc=__getOwnPropDesc(from,key))||desc.enumerable})}return to};var __toCommonJS=mod=>__copyProps(__defProp({},"__esModule",{value:true}),mod);var prelude_numpy_exports={};__export(prelude_numpy_exports,{NUMPY_PRELUDE:()=>NUMPY_PRELUDE});module.exports=__toCommonJS(prelude_numpy_exports);var import_prelude_shared=require("./prelude-shared");const NUMPY_PRELUDE=String.raw`
import json
import math
import sys

import numpy as np


def _t(x):
    """Any cell value (float, bool, array) as a float64 array."""
    return np.asarray(x, dtype=np.float64)


def _truth(x):
    return bool(np.asarray(x) != 0)


def _flat(*xs):
    return np.concatenate([_t(x).reshape(-1) for x in xs])


def _error(message):
    return np.float64("nan")


def _pow(a, b):
    return np.power(_t(a), _t(b))


def _cbrt(x):
    return np.cbrt(_t(x))


def _flat_fn(f):
    return lambda x: f(_t(x))


def _round(x, digits=0.0):
    x = _t(x)
    f = 10.0 ** float(digits)
    return np.sign(x) * np.floor(np.abs(x) * f + 0.5) / f


def _softplus(x):
    return np.logaddexp(0.0, _t(x))


def _bce_logits(z, y):
    z, y = _t(z), _t(y)
    return np.logaddexp(0.0, z) - z * y


def _sigmoid(x):
    x = _t(x)
    return np.where(x >= 0, 1 / (1 + np.exp(-np.abs(x))), np.exp(-np.abs(x)) / (1 + np.exp(-np.abs(x))))


def _relu(x):
    return np.maximum(_t(x), 0.0)


def _first_extremum(xs, better):
    k = 0
    for i in range(1, len(xs)):
        if better(xs[i], xs[k]):
            k = i
    return xs[k]


def _norm(*xs):
    flat = _flat(*xs)
    return np.sqrt((flat * flat).sum())


def _softmax(x):
    x = _t(x)
    e = np.exp(x - x.max())
    return e / e.sum()


def _logsumexp(*xs):
    flat = _flat(*xs)
    m = flat.max()
    return m + np.log(np.exp(flat - m).sum())


def _cross_entropy(z, t):
    z, t = _t(z), _t(t)
    rows = z.reshape(1, -1) if z.ndim == 1 else z
    m = rows.max(1, keepdims=True)
    lse = (m + np.log(np.exp(rows - m).sum(1, keepdims=True)))[:, 0]
    if t.shape == z.shape:
        loss = (t.reshape(rows.shape) * (lse[:, None] - rows)).sum(1)
    else:
        classes = t.reshape(-1).astype(int) - 1
        loss = lse - rows[np.arange(rows.shape[0]), classes]
    return loss[0] if z.ndim == 1 else loss


def _bools(xs):
    for x in xs:
        if np.ndim(x) > 0:
            yield from np.asarray(x).reshape(-1)
        else:
            yield x


def _erf(x):
    return np.vectorize(math.erf)(_t(x)) if np.ndim(x) else math.erf(float(x))


def _std(*xs):
    v = _variance(*xs)
    # Equal entries: std 0, derivative taken as 0 (sqrt alone would give NaN).
    return np.sqrt(v)


def _median(*xs):
    """The middle entry (or the mean of the two middle ones) of a stable sort: they get the gradient."""
    flat = _flat(*xs)
    order = sorted(range(flat.size), key=lambda i: flat[i])
    n = len(order)
    if n % 2:
        return flat[order[n // 2]]
    return (flat[order[n // 2 - 1]] + flat[order[n // 2]]) / 2


${(0,import_prelude_shared.sharedHelpers)(import_prelude_shared.NUMPY_ARRAYS)}
`;0&&(module.exports={NUMPY_PRELUDE});
