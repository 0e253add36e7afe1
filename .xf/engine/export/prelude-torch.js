"use strict";var __defProp=Object.defineProperty;var __getOwnPropDesc=Object.getOwnPropertyDescriptor;var __getOwnPropNames=Object.getOwnPropertyNames;var __hasOwnProp=Object.prototype.hasOwnProperty;var __export=(target,all)=>{for(var name in all)__defProp(target,name,{get:all[name],enumerable:true})};var __copyProps=(to,from,except,desc)=>{if(from&&typeof from==="object"||typeof from==="function"){for(let key of __getOwnPropNames(from))if(!__hasOwnProp.call(to,key)&&key!==except)__defProp(to,key,{get:()=>from[key],enumerable:!(desc=__getOwnPropDesc(from,key))||desc.enumerable})}return to};var __toCommonJS=mod=>__copyProps(__defProp({},"__esModule",{value:true}),mod);var prelude_torch_exports={};__export(prelude_torch_exports,{TORCH_PRELUDE:()=>TORCH_PRELUDE});module.exports=__toCommonJS(prelude_torch_exports);var import_prelude_shared=require("./prelude-shared");const TORCH_PRELUDE=String.raw`
import json
import sys

import torch

torch.set_default_dtype(torch.float64)


def _t(x):
    """Any cell value (float, bool, tensor) as a float64 tensor."""
    if isinstance(x, torch.Tensor):
        return x if x.dtype == torch.float64 else x.to(torch.float64)
    return torch.tensor(float(x))


def _truth(x):
    """A condition as Python's bool (non-zero is true), as IF and AND read it."""
    return bool(x) if not isinstance(x, torch.Tensor) else bool(x.item() != 0)


def _flat(*xs):
    """All numbers of the arguments, flattened in order."""
    return torch.cat([_t(x).reshape(-1) for x in xs])


def _error(message):
    """A cell that is an error in Gradsheet; only an untaken IF branch may read it."""
    return torch.tensor(float("nan"))


def _sum_to(grad, shape):
    """Sums a broadcast gradient back to an operand's shape."""
    while grad.dim() > len(shape):
        grad = grad.sum(0)
    for k, n in enumerate(shape):
        if n == 1 and grad.shape[k] != 1:
            grad = grad.sum(k, keepdim=True)
    return grad


class _Pow(torch.autograd.Function):
    """a ** b with Gradsheet's rules: d/da = 0 when b = 0, d/db = a^b ln a for a > 0, else 0."""

    @staticmethod
    def forward(ctx, a, b):
        y = torch.pow(a, b)
        ctx.save_for_backward(a, b, y)
        return y

    @staticmethod
    def backward(ctx, g):
        a, b, y = ctx.saved_tensors
        da = torch.where(b == 0, torch.zeros_like(y), b * torch.pow(a, b - 1))
        db = torch.where(a > 0, y * torch.log(torch.where(a > 0, a, torch.ones_like(a))), torch.zeros_like(y))
        return _sum_to(g * da, a.shape), _sum_to(g * db, b.shape)


def _pow(a, b):
    return _Pow.apply(_t(a), _t(b))


def _cbrt(x):
    x = _t(x)
    return torch.sign(x) * torch.abs(x) ** (1.0 / 3.0)


def _flat_fn(f):
    """A piecewise-constant function: its value, derivative 0 (SPEC §4)."""
    return lambda x: f(_t(x)).detach()


def _round(x, digits=0.0):
    """Half away from zero, as spreadsheets round; derivative 0."""
    x = _t(x)
    f = 10.0 ** float(digits)
    return (torch.sign(x) * torch.floor(torch.abs(x) * f + 0.5) / f).detach()


def _softplus(x):
    return torch.logaddexp(torch.zeros(()), _t(x))


def _bce_logits(z, y):
    z, y = _t(z), _t(y)
    return torch.logaddexp(torch.zeros(()), z) - z * y


def _first_extremum(xs, better):
    """The first element that attains the extremum: the whole gradient goes to it."""
    values = xs.detach().tolist()
    k = 0
    for i in range(1, len(values)):
        if better(values[i], values[k]):
            k = i
    return xs[k]


def _norm(*xs):
    flat = _flat(*xs)
    squares = (flat * flat).sum()
    # norm'(0) = 0, like abs'(0) (a subgradient); sqrt alone would give NaN there.
    return torch.sqrt(squares) if squares.item() != 0 else squares * 0


def _softmax(x):
    x = _t(x)
    return torch.softmax(x.reshape(-1), 0).reshape(x.shape)


def _logsumexp(*xs):
    return torch.logsumexp(_flat(*xs), 0)


def _cross_entropy(z, t):
    """Softmax cross-entropy of logits (one sample per row) against probabilities or 1-based classes."""
    z, t = _t(z), _t(t)
    rows = z.reshape(1, -1) if z.dim() == 1 else z
    lse = torch.logsumexp(rows, 1)
    if t.shape == z.shape:
        probs = t.reshape(rows.shape)
        loss = (probs * (lse.unsqueeze(1) - rows)).sum(1)
    else:
        classes = t.reshape(-1).detach().long() - 1
        loss = lse - rows.gather(1, classes.unsqueeze(1)).squeeze(1)
    return loss[0] if z.dim() == 1 else loss


def _bools(xs):
    for x in xs:
        if isinstance(x, torch.Tensor) and x.dim() > 0:
            yield from x.reshape(-1)
        else:
            yield x


def _erf(x):
    return torch.erf(_t(x))


def _std(*xs):
    v = _variance(*xs)
    # Equal entries: std 0, derivative taken as 0 (sqrt alone would give NaN).
    return torch.sqrt(v) if v.item() != 0 else v * 0


def _median(*xs):
    """The middle entry (or the mean of the two middle ones) of a stable sort: they get the gradient."""
    flat = _flat(*xs)
    order = sorted(range(flat.numel()), key=lambda i: flat[i].item())
    n = len(order)
    if n % 2:
        return flat[order[n // 2]]
    return (flat[order[n // 2 - 1]] + flat[order[n // 2]]) / 2


${(0,import_prelude_shared.sharedHelpers)(import_prelude_shared.TORCH_ARRAYS)}
`;0&&(module.exports={TORCH_PRELUDE});
