var ri=Object.create;var pe=Object.defineProperty;var ii=Object.getOwnPropertyDescriptor;var Us=(n,e)=>(e=Symbol[n])?e:Symbol.for("Symbol."+n),dt=n=>{throw TypeError(n)};var qs=(n,e,t)=>e in n?pe(n,e,{enumerable:!0,configurable:!0,writable:!0,value:t}):n[e]=t;var Ds=(n,e)=>pe(n,"name",{value:e,configurable:!0});var D=n=>[,,,ri(n?.[Us("metadata")]??null)],Os=["class","method","getter","setter","accessor","field","value","get","set"],bt=n=>n!==void 0&&typeof n!="function"?dt("Function expected"):n,oi=(n,e,t,s,r)=>({kind:Os[n],name:e,metadata:s,addInitializer:i=>t._?dt("Already initialized"):r.push(bt(i||null))}),L=(n,e)=>qs(e,Us("metadata"),n[3]),d=(n,e,t,s)=>{for(var r=0,i=n[e>>1],o=i&&i.length;r<o;r++)e&1?i[r].call(t):s=i[r].call(t,s);return s},g=(n,e,t,s,r,i)=>{var o,a,c,l,p,h=e&7,$=!!(e&8),k=!!(e&16),C=h>3?n.length+1:h?$?1:2:0,lt=Os[h+5],Dt=h>3&&(n[C-1]=[]),B=n[C]||(n[C]=[]),N=h&&(!k&&!$&&(r=r.prototype),h<5&&(h>3||!k)&&ii(h<4?r:{get[t](){return Hs(this,i)},set[t](U){return Is(this,i,U)}},t));h?k&&h<4&&Ds(i,(h>2?"set ":h>1?"get ":"")+t):Ds(r,t);for(var de=s.length-1;de>=0;de--)l=oi(h,t,c={},n[3],B),h&&(l.static=$,l.private=k,p=l.access={has:k?U=>ai(r,U):U=>t in U},h^3&&(p.get=k?U=>(h^1?Hs:ci)(U,r,h^4?i:N.get):U=>U[t]),h>2&&(p.set=k?(U,ue)=>Is(U,r,ue,h^4?i:N.set):(U,ue)=>U[t]=ue)),a=(0,s[de])(h?h<4?k?i:N[lt]:h>4?void 0:{get:N.get,set:N.set}:r,l),c._=1,h^4||a===void 0?bt(a)&&(h>4?Dt.unshift(a):h?k?i=a:N[lt]=a:r=a):typeof a!="object"||a===null?dt("Object expected"):(bt(o=a.get)&&(N.get=o),bt(o=a.set)&&(N.set=o),bt(o=a.init)&&Dt.unshift(o));return h||L(n,r),N&&pe(r,t,N),k?h^4?i:N:r},f=(n,e,t)=>qs(n,typeof e!="symbol"?e+"":e,t),he=(n,e,t)=>e.has(n)||dt("Cannot "+t),ai=(n,e)=>Object(e)!==e?dt('Cannot use the "in" operator on this value'):n.has(e),Hs=(n,e,t)=>(he(n,e,"read from private field"),t?t.call(n):e.get(n)),y=(n,e,t)=>e.has(n)?dt("Cannot add the same private member more than once"):e instanceof WeakSet?e.add(n):e.set(n,t),Is=(n,e,t,s)=>(he(n,e,"write to private field"),s?s.call(n,t):e.set(n,t),t),ci=(n,e,t)=>(he(n,e,"access private method"),t);var Ht=globalThis,It=Ht.ShadowRoot&&(Ht.ShadyCSS===void 0||Ht.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,me=Symbol(),Vs=new WeakMap,xt=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==me)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(It&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Vs.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Vs.set(t,e))}return e}toString(){return this.cssText}},Ns=n=>new xt(typeof n=="string"?n:n+"",void 0,me),M=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((s,r,i)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+n[i+1],n[0]);return new xt(t,n,me)},js=(n,e)=>{if(It)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),r=Ht.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=t.cssText,n.appendChild(s)}},fe=It?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Ns(t)})(n):n;var{is:li,defineProperty:di,getOwnPropertyDescriptor:ui,getOwnPropertyNames:pi,getOwnPropertySymbols:hi,getPrototypeOf:mi}=Object,Ut=globalThis,Bs=Ut.trustedTypes,fi=Bs?Bs.emptyScript:"",gi=Ut.reactiveElementPolyfillSupport,wt=(n,e)=>n,$t={toAttribute(n,e){switch(e){case Boolean:n=n?fi:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},qt=(n,e)=>!li(n,e),zs={attribute:!0,type:String,converter:$t,reflect:!1,useDefault:!1,hasChanged:qt};Symbol.metadata??=Symbol("metadata"),Ut.litPropertyMetadata??=new WeakMap;var z=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=zs){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(e,s,t);r!==void 0&&di(this.prototype,e,r)}}static getPropertyDescriptor(e,t,s){let{get:r,set:i}=ui(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:r,set(o){let a=r?.call(this);i?.call(this,o),this.requestUpdate(e,a,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??zs}static _$Ei(){if(this.hasOwnProperty(wt("elementProperties")))return;let e=mi(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(wt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(wt("properties"))){let t=this.properties,s=[...pi(t),...hi(t)];for(let r of s)this.createProperty(r,t[r])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,r]of t)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let r=this._$Eu(t,s);r!==void 0&&this._$Eh.set(r,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let r of s)t.unshift(fe(r))}else e!==void 0&&t.push(fe(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return js(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,s);if(r!==void 0&&s.reflect===!0){let i=(s.converter?.toAttribute!==void 0?s.converter:$t).toAttribute(t,s.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let s=this.constructor,r=s._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let i=s.getPropertyOptions(r),o=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:$t;this._$Em=r;let a=o.fromAttribute(t,i.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,s,r=!1,i){if(e!==void 0){let o=this.constructor;if(r===!1&&(i=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??qt)(i,t)||s.useDefault&&s.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:r,wrapped:i},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),i!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),r===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,i]of this._$Ep)this[r]=i;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,i]of s){let{wrapped:o}=i,a=this[r];o!==!0||this._$AL.has(r)||a===void 0||this.C(r,void 0,i,a)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};z.elementStyles=[],z.shadowRootOptions={mode:"open"},z[wt("elementProperties")]=new Map,z[wt("finalized")]=new Map,gi?.({ReactiveElement:z}),(Ut.reactiveElementVersions??=[]).push("2.1.2");var ye=globalThis,Fs=n=>n,Ot=ye.trustedTypes,Ws=Ot?Ot.createPolicy("lit-html",{createHTML:n=>n}):void 0,ve="$lit$",F=`lit$${Math.random().toFixed(9).slice(2)}$`,be="?"+F,yi=`<${be}>`,tt=document,_t=()=>tt.createComment(""),St=n=>n===null||typeof n!="object"&&typeof n!="function",xe=Array.isArray,Qs=n=>xe(n)||typeof n?.[Symbol.iterator]=="function",ge=`[ 	
\f\r]`,kt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ks=/-->/g,Zs=/>/g,Q=RegExp(`>|${ge}(?:([^\\s"'>=/]+)(${ge}*=${ge}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ys=/'/g,Gs=/"/g,Xs=/^(?:script|style|textarea|title)$/i,we=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),u=we(1),Et=we(2),bo=we(3),P=Symbol.for("lit-noChange"),m=Symbol.for("lit-nothing"),Js=new WeakMap,X=tt.createTreeWalker(tt,129);function tn(n,e){if(!xe(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ws!==void 0?Ws.createHTML(e):e}var en=(n,e)=>{let t=n.length-1,s=[],r,i=e===2?"<svg>":e===3?"<math>":"",o=kt;for(let a=0;a<t;a++){let c=n[a],l,p,h=-1,$=0;for(;$<c.length&&(o.lastIndex=$,p=o.exec(c),p!==null);)$=o.lastIndex,o===kt?p[1]==="!--"?o=Ks:p[1]!==void 0?o=Zs:p[2]!==void 0?(Xs.test(p[2])&&(r=RegExp("</"+p[2],"g")),o=Q):p[3]!==void 0&&(o=Q):o===Q?p[0]===">"?(o=r??kt,h=-1):p[1]===void 0?h=-2:(h=o.lastIndex-p[2].length,l=p[1],o=p[3]===void 0?Q:p[3]==='"'?Gs:Ys):o===Gs||o===Ys?o=Q:o===Ks||o===Zs?o=kt:(o=Q,r=void 0);let k=o===Q&&n[a+1].startsWith("/>")?" ":"";i+=o===kt?c+yi:h>=0?(s.push(l),c.slice(0,h)+ve+c.slice(h)+F+k):c+F+(h===-2?a:k)}return[tn(n,i+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},At=class n{constructor({strings:e,_$litType$:t},s){let r;this.parts=[];let i=0,o=0,a=e.length-1,c=this.parts,[l,p]=en(e,t);if(this.el=n.createElement(l,s),X.currentNode=this.el.content,t===2||t===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(r=X.nextNode())!==null&&c.length<a;){if(r.nodeType===1){if(r.hasAttributes())for(let h of r.getAttributeNames())if(h.endsWith(ve)){let $=p[o++],k=r.getAttribute(h).split(F),C=/([.?@])?(.*)/.exec($);c.push({type:1,index:i,name:C[2],strings:k,ctor:C[1]==="."?Nt:C[1]==="?"?jt:C[1]==="@"?Bt:st}),r.removeAttribute(h)}else h.startsWith(F)&&(c.push({type:6,index:i}),r.removeAttribute(h));if(Xs.test(r.tagName)){let h=r.textContent.split(F),$=h.length-1;if($>0){r.textContent=Ot?Ot.emptyScript:"";for(let k=0;k<$;k++)r.append(h[k],_t()),X.nextNode(),c.push({type:2,index:++i});r.append(h[$],_t())}}}else if(r.nodeType===8)if(r.data===be)c.push({type:2,index:i});else{let h=-1;for(;(h=r.data.indexOf(F,h+1))!==-1;)c.push({type:7,index:i}),h+=F.length-1}i++}}static createElement(e,t){let s=tt.createElement("template");return s.innerHTML=e,s}};function et(n,e,t=n,s){if(e===P)return e;let r=s!==void 0?t._$Co?.[s]:t._$Cl,i=St(e)?void 0:e._$litDirective$;return r?.constructor!==i&&(r?._$AO?.(!1),i===void 0?r=void 0:(r=new i(n),r._$AT(n,t,s)),s!==void 0?(t._$Co??=[])[s]=r:t._$Cl=r),r!==void 0&&(e=et(n,r._$AS(n,e.values),r,s)),e}var Vt=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,r=(e?.creationScope??tt).importNode(t,!0);X.currentNode=r;let i=X.nextNode(),o=0,a=0,c=s[0];for(;c!==void 0;){if(o===c.index){let l;c.type===2?l=new ut(i,i.nextSibling,this,e):c.type===1?l=new c.ctor(i,c.name,c.strings,this,e):c.type===6&&(l=new zt(i,this,e)),this._$AV.push(l),c=s[++a]}o!==c?.index&&(i=X.nextNode(),o++)}return X.currentNode=tt,r}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},ut=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,r){this.type=2,this._$AH=m,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=et(this,e,t),St(e)?e===m||e==null||e===""?(this._$AH!==m&&this._$AR(),this._$AH=m):e!==this._$AH&&e!==P&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Qs(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==m&&St(this._$AH)?this._$AA.nextSibling.data=e:this.T(tt.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,r=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=At.createElement(tn(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(t);else{let i=new Vt(r,this),o=i.u(this.options);i.p(t),this.T(o),this._$AH=i}}_$AC(e){let t=Js.get(e.strings);return t===void 0&&Js.set(e.strings,t=new At(e)),t}k(e){xe(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,r=0;for(let i of e)r===t.length?t.push(s=new n(this.O(_t()),this.O(_t()),this,this.options)):s=t[r],s._$AI(i),r++;r<t.length&&(this._$AR(s&&s._$AB.nextSibling,r),t.length=r)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Fs(e).nextSibling;Fs(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},st=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,r,i){this.type=1,this._$AH=m,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=m}_$AI(e,t=this,s,r){let i=this.strings,o=!1;if(i===void 0)e=et(this,e,t,0),o=!St(e)||e!==this._$AH&&e!==P,o&&(this._$AH=e);else{let a=e,c,l;for(e=i[0],c=0;c<i.length-1;c++)l=et(this,a[s+c],t,c),l===P&&(l=this._$AH[c]),o||=!St(l)||l!==this._$AH[c],l===m?e=m:e!==m&&(e+=(l??"")+i[c+1]),this._$AH[c]=l}o&&!r&&this.j(e)}j(e){e===m?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},Nt=class extends st{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===m?void 0:e}},jt=class extends st{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==m)}},Bt=class extends st{constructor(e,t,s,r,i){super(e,t,s,r,i),this.type=5}_$AI(e,t=this){if((e=et(this,e,t,0)??m)===P)return;let s=this._$AH,r=e===m&&s!==m||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,i=e!==m&&(s===m||r);r&&this.element.removeEventListener(this.name,this,s),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},zt=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){et(this,e)}},sn={M:ve,P:F,A:be,C:1,L:en,R:Vt,D:Qs,V:et,I:ut,H:st,N:jt,U:Bt,B:Nt,F:zt},vi=ye.litHtmlPolyfillSupport;vi?.(At,ut),(ye.litHtmlVersions??=[]).push("3.3.3");var nn=(n,e,t)=>{let s=t?.renderBefore??e,r=s._$litPart$;if(r===void 0){let i=t?.renderBefore??null;s._$litPart$=r=new ut(e.insertBefore(_t(),i),i,void 0,t??{})}return r._$AI(n),r};var $e=globalThis,S=class extends z{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=nn(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return P}};S._$litElement$=!0,S.finalized=!0,$e.litElementHydrateSupport?.({LitElement:S});var bi=$e.litElementPolyfillSupport;bi?.({LitElement:S});($e.litElementVersions??=[]).push("4.2.2");var xi={attribute:!0,type:String,converter:$t,reflect:!1,hasChanged:qt},wi=(n=xi,e,t)=>{let{kind:s,metadata:r}=t,i=globalThis.litPropertyMetadata.get(r);if(i===void 0&&globalThis.litPropertyMetadata.set(r,i=new Map),s==="setter"&&((n=Object.create(n)).wrapped=!0),i.set(t.name,n),s==="accessor"){let{name:o}=t;return{set(a){let c=e.get.call(this);e.set.call(this,a),this.requestUpdate(o,c,n,!0,a)},init(a){return a!==void 0&&this.C(o,void 0,n,a),a}}}if(s==="setter"){let{name:o}=t;return function(a){let c=this[o];e.call(this,a),this.requestUpdate(o,c,n,!0,a)}}throw Error("Unsupported decorator location: "+s)};function b(n){return(e,t)=>typeof t=="object"?wi(n,e,t):((s,r,i)=>{let o=r.hasOwnProperty(i);return r.constructor.createProperty(i,s),o?Object.getOwnPropertyDescriptor(r,i):void 0})(n,e,t)}function _(n){return b({...n,state:!0,attribute:!1})}var rn={"card.name":"Audit trail","card.description":"Who changed what, when and why: a timeline of every recorded change with its cause, replay and the causation chain.","card.suggestion":"Audit trail of this entity","card.no_entities":"Choose entities or a target to show their audit trail.","card.loading":"Loading…","card.error":"Could not load the audit trail: {message}","card.live":"Live","card.replay_at":"At {time}","card.state_for":"for {duration}","card.state_for_approx":"for at least {duration}","card.not_recorded":"Not recorded ({reason})","card.not_recorded_yet":"Not recorded yet","card.did_not_exist":"Did not exist","card.no_changes":"No changes in this window.","card.changes":"Changes","card.more":"Load more","card.dense":"{count} changes","editor.entities":"Entities","editor.target":"Target (areas, devices, labels)","editor.hours_to_show":"Hours to show","editor.title":"Title","integrity.ok":"Log verified: {checked} rows intact","integrity.bad":"Log integrity problem at row {seq} ({reason})","integrity.pending":"Log not verified yet","integrity.unchecked":"Log not checked yet","replay.play":"Play","replay.pause":"Pause","replay.prev":"Previous change","replay.next":"Next change","replay.live":"Go live","replay.speed":"Speed","replay.jump":"Jump to time","replay.cursor":"Replay cursor","why.title":"Why?","why.open":"Why?","why.root":"Root cause","why.trace_link":"Open the automation's trace","why.trace_gone":"Home Assistant no longer keeps the trace of this run","why.loading":"Following the chain…","why.run":"Run of {name}","why.action":"Action {service}","why.user":"By {name}","why.device":"Device {name}","change.attributes":"attributes changed","change.added":"added","change.removed":"removed","change.annotation":"Note","change.correction":"Correction","cause.user":"User","cause.unknown_user":"Unknown user","cause.automation":"Automation","cause.script":"Script","cause.action":"Action","cause.entity":"Entity","cause.device":"Device","cause.system":"System","cause.recorded_at_start":"Recorded when Audit Trail started","cause.unobserved":"Not observed","cause.unknown":"Unknown cause","cause.via":"via {via}","cause.low":"low confidence","gap.not_running":"Home Assistant was not running","gap.unclean_shutdown":"Home Assistant stopped unexpectedly","gap.queue_full":"changes came faster than they could be written","gap.write_failed":"the log could not be written","reason.initial":"first recorded state","reason.context_reused":"context reused","reason.parent_not_seen":"cause started before Audit Trail listened","reason.appeared_while_not_observed":"changed while nobody was watching","panel.title":"Audit Trail","panel.entities":"Entities","panel.areas":"Areas","panel.range":"Range","panel.from":"From","panel.to":"To","panel.apply":"Show","panel.filter_kind":"Cause","panel.filter_actor":"Actor","panel.all":"All","panel.activity":"Activity by actor","panel.activity_total":"{total} changes","panel.diff":"Difference between two instants","panel.diff_run":"Compare","panel.diff_none":"Nothing differs.","panel.diff_transitions":"{count} transitions","panel.verify":"Verify the log","panel.verify_ok":"Chain intact: {checked} rows checked","panel.verify_bad":"Chain broken at row {seq}: {reason} ({checked} rows checked)","panel.export":"Export","panel.export_sha":"SHA-256 of {file}: {sha}","panel.export_sha_mismatch":"the file received does not match this SHA-256","panel.export_failed":"Export failed (HTTP {status})","panel.search":"Filter entities","panel.selected":"{count} selected","error.unauthorized":"You may not read these entities.","error.unknown_entity":"Unknown entity."};var $i={"common.close":"ui.common.close","common.cancel":"ui.common.cancel","common.refresh":"ui.common.refresh","replay.play":"ui.components.media-browser.play"},ki=(n,e)=>e?n.replace(/\{(\w+)\}/g,(t,s)=>s in e?String(e[s]):t):n,nt=n=>(e,t)=>{let s=$i[e];if(s&&n){let i=n(s,t);if(i)return i}let r=rn[e];return r!==void 0?ki(r,t):e.includes(".")?e.slice(e.indexOf(".")+1).replace(/_/g," "):e},on=(n,e,t)=>{let s=e.split(".",1)[0];return n?.(`component.${s}.entity_component._.state.${t}`)||t};var Ct=n=>n==null?[]:Array.isArray(n)?n:[n],_i=n=>!n.hidden&&!n.entity_category,Wt=(n,e,t)=>{let s=new Set(n??[]);for(let p of Ct(e?.entity_id))s.add(p);let r=new Set(Ct(e?.label_id)),i=p=>p?.some(h=>r.has(h))??!1,o=new Set(Ct(e?.device_id)),a=new Set(Ct(e?.area_id));for(let p of Object.values(t.devices??{}))i(p.labels)&&o.add(p.id);for(let p of Object.values(t.areas??{}))i(p.labels)&&a.add(p.area_id);let c=new Set(Object.values(t.devices??{}).filter(p=>p.area_id&&a.has(p.area_id)).map(p=>p.id)),l=[];for(let p of Object.values(t.entities??{})){if(!_i(p))continue;let h=p.device_id??"";(i(p.labels)||p.area_id!=null&&a.has(p.area_id)||o.has(h)||p.area_id==null&&c.has(h))&&l.push(p.entity_id)}for(let p of l.sort())s.add(p);return[...s]};var pt="audit-trail-card",_e=24,ke=24*366,Si=/^[a-z0-9_]+\.[a-z0-9_]+$/,Z=class extends Error{},an=n=>{if(typeof n!="object"||n===null)throw new Z("Invalid configuration");let e=n,t=e.entities??[];if(!Array.isArray(t)||t.some(i=>typeof i!="string"||!Si.test(i)))throw new Z("entities must be a list of entity ids (like light.kitchen)");let s=e.hours_to_show??_e;if(typeof s!="number"||!Number.isFinite(s)||s<=0||s>ke)throw new Z(`hours_to_show must be a number of hours between 0 and ${ke}`);if(e.title!==void 0&&typeof e.title!="string")throw new Z("title must be text");let r;if(e.target!==void 0&&e.target!==null){if(typeof e.target!="object")throw new Z("target must be a target (area_id, device_id, label_id, entity_id)");let i=e.target;for(let o of["area_id","device_id","label_id","entity_id"]){let a=i[o];if(a!==void 0&&typeof a!="string"&&!(Array.isArray(a)&&a.every(c=>typeof c=="string")))throw new Z(`target.${o} must be an id or a list of ids`)}r=i}return{...e,entities:t,hours_to_show:s,...r?{target:r}:{}}},cn=n=>({schema:[{name:"title",selector:{text:{}}},{name:"entities",selector:{entity:{multiple:!0}}},{name:"target",selector:{target:{}}},{name:"hours_to_show",selector:{number:{min:1,max:ke,step:1,mode:"box",unit_of_measurement:"h"}}}],computeLabel:e=>n(`editor.${e.name}`)}),Ai=["light","switch","lock","cover","climate","input_boolean","binary_sensor","fan","media_player"],ln=(n,e=3)=>{let t=Object.values(n).sort((i,o)=>Date.parse(o.last_changed)-Date.parse(i.last_changed)),s=t.filter(i=>Ai.includes(i.entity_id.split(".",1)[0])),r=(s.length?s:t).slice(0,e).map(i=>i.entity_id);return{type:`custom:${pt}`,entities:r,hours_to_show:_e}},dn=(n,e,t)=>n[e]?{label:t,config:{type:`custom:${pt}`,entities:[e],hours_to_show:_e}}:null;var un=n=>n.ok===!1?{kind:"bad",key:"integrity.bad",values:{seq:n.first_bad_seq??"?",reason:n.reason??""}}:n.ok===null?{kind:"pending",key:"integrity.pending",values:{}}:n.checked<=0?{kind:"pending",key:"integrity.unchecked",values:{}}:{kind:"ok",key:"integrity.ok",values:{checked:n.checked}};var Ei=(n,e,t)=>n.time_zone==="server"?e:t??Intl.DateTimeFormat().resolvedOptions().timeZone,Ci=n=>{if(n.time_format==="12")return!0;if(n.time_format==="24")return!1;let e=n.time_format==="system"?void 0:n.language,t=new Date(Date.UTC(2023,0,1,22)).toLocaleString(e,{hour:"numeric",timeZone:"UTC"});return/10/.test(t)},hn=(n,e,t)=>({language:n.language||"en",timeZone:Ei(n,e,t),hour12:Ci(n)}),pn=new Map,Ae=(n,e)=>{let t=`${n.language}|${n.timeZone}|${n.hour12}|${JSON.stringify(e)}`,s=pn.get(t);return s||(s=new Intl.DateTimeFormat(n.language,{...e,timeZone:n.timeZone,hour12:n.hour12}),pn.set(t,s)),s},Zt=(n,e,t=!0)=>Ae(e,{hour:"numeric",minute:"2-digit",...t?{second:"2-digit"}:{}}).format(n),W=(n,e,t=!0)=>Ae(e,{year:"numeric",month:"short",day:"numeric",hour:"numeric",minute:"2-digit",...t?{second:"2-digit"}:{}}).format(n),mn=(n,e)=>Ae(e,{month:"short",day:"numeric"}).format(n),fn=n=>{let e=Math.max(0,Math.floor(n/1e3)),t=[[86400,"d"],[3600,"h"],[60,"min"],[1,"s"]],s=t.findIndex(([l])=>e>=l);if(s<0)return"0 s";let[r,i]=t[s],o=Math.floor(e/r),a=t[s+1],c=a?Math.floor((e-o*r)/a[0]):0;return c&&a?`${o} ${i} ${c} ${a[1]}`:`${o} ${i}`},Kt=(n,e)=>{let t=new Intl.DateTimeFormat("en-US",{timeZone:e,hourCycle:"h23",year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric",second:"numeric"}).formatToParts(n),s=i=>Number(t.find(o=>o.type===i)?.value??0);return Date.UTC(s("year"),s("month")-1,s("day"),s("hour")%24,s("minute"),s("second"))-Math.floor(n/1e3)*1e3},Mt=n=>String(n).padStart(2,"0"),Yt=(n,e)=>{let t=new Date(n+Kt(n,e));return`${t.getUTCFullYear()}-${Mt(t.getUTCMonth()+1)}-${Mt(t.getUTCDate())}T${Mt(t.getUTCHours())}:${Mt(t.getUTCMinutes())}:${Mt(t.getUTCSeconds())}`},Gt=(n,e)=>{let t=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(n);if(!t)return NaN;let s=Date.UTC(+t[1],+t[2]-1,+t[3],+t[4],+t[5],+(t[6]??0)),r=s-Kt(s,e);return r=s-Kt(r,e),r},Se=[1,5,15,30,60,120,180,360,720,1440,2880,10080].map(n=>n*6e4),gn=(n,e,t,s)=>{if(e<=n||t<1)return[];let r=Se.find(c=>(e-n)/c<=t)??Se[Se.length-1],i=Kt(n,s),o=Math.ceil((n+i)/r)*r-i,a=[];for(;o<=e&&a.length<=t;o+=r)a.push(o);return a};var K=n=>typeof n=="string"?n:n.toISOString(),rt=n=>Object.fromEntries(Object.entries(n).filter(([,e])=>e!==void 0)),Ee=(n,e)=>n.callWS({type:"audit_trail/history",...rt({entity_id:e.entityIds,start:K(e.start),end:e.end===void 0?void 0:K(e.end),event_types:e.eventTypes,limit:e.limit,cursor:e.cursor??void 0,order:e.order})}),yn=(n,e,t,s)=>n.callWS({type:"audit_trail/state_at",...rt({at:K(e),entity_id:t,attributes:s})}),vn=(n,e)=>n.callWS({type:"audit_trail/trace",seq:e}),bn=(n,e)=>n.callWS({type:"audit_trail/timeline",...rt({entity_id:e.entityIds,start:K(e.start),end:e.end===void 0?void 0:K(e.end),buckets:e.buckets===void 0?void 0:Mi(e.buckets),exact_limit:e.exactLimit})}),Mi=n=>Math.min(4e3,Math.max(10,Math.round(n))),xn=(n,e,t)=>n.callWS({type:"audit_trail/activity",...rt({start:K(e),end:t===void 0?void 0:K(t)})});var wn=(n,e,t,s)=>n.callWS({type:"audit_trail/diff",...rt({start:K(e),end:K(t),entity_id:s})}),$n=(n,e)=>n.callWS({type:"audit_trail/verify",...rt({from_seq:e})}),kn=(n,e,t)=>n.callWS({type:"trace/contexts",...rt({domain:e,item_id:t})});var _n=async(n,e)=>{let t=e.afterSeq,s=null,r=!1,i=l=>{if("dropped"in l){t=Math.max(t,l.last_seq),a();return}let p=l.events.filter(h=>h.seq>t);p.length&&(t=p[p.length-1].seq,e.onEvents(p))},o=async()=>{let l={type:"audit_trail/subscribe",after_seq:t};e.entityIds&&(l.entity_id=e.entityIds);let p=await n.connection.subscribeMessage(i,l,{resubscribe:!1});r?p().catch(()=>{}):s=p},a=async()=>{let l=s;if(s=null,l&&await l().catch(()=>{}),!r)try{await o()}catch(p){e.onError?.(p)}},c=()=>{a()};n.connection.addEventListener("ready",c);try{await o()}catch(l){throw n.connection.removeEventListener("ready",c),l}return()=>{r=!0,n.connection.removeEventListener("ready",c);let l=s;s=null,l&&l().catch(()=>{})}};var Sn=async(n,e,t)=>{let s=e.split(".",1)[0];if(!t||s!=="automation"&&s!=="script")return{kind:"none"};let r=n.states[e]?.attributes.id,i=s==="automation"?typeof r=="string"?r:null:e.slice(s.length+1);if(!i)return{kind:"gone"};let o;try{o=await kn(n,s,i)}catch{return{kind:"gone"}}let a=o[t]??Object.values(o).find(l=>l.run_id===t);if(!a||a.item_id!==i)return{kind:"gone"};let c=`run_id=${encodeURIComponent(a.run_id)}`;return{kind:"link",url:`/config/${s}/trace/${encodeURIComponent(i)}?${c}`}};var q=n=>Date.parse(n),Ti={kind:"system",confidence:"high"},En=n=>{switch(n.event_type){case"state_changed":case"entity_added":return n.new_state;case"entity_removed":return null;default:return}},Cn=n=>{switch(n.event_type){case"state_changed":return n.old_state===n.new_state?"attributes":"state";case"attributes_changed":return"attributes";case"entity_added":return"added";case"entity_removed":return"removed";case"annotation":case"correction":return"note";default:return"other"}},Mn=(n,e,t)=>{let s=n.map(i=>({start:Math.max(e,q(i.start)),end:Math.min(t,q(i.end)),reason:i.reason})).filter(i=>i.end>i.start).sort((i,o)=>i.start-o.start),r=[];for(let i of s){let o=r[r.length-1];o&&i.start<=o.end?o.end=Math.max(o.end,i.end):r.push({...i})}return r},Ri=(n,e)=>({time:e,state:n?.state??null,seq:n?.seq??0,cause:n?.cause??Ti}),Me=n=>n.initial?null:n.begins??null,Li=(n,e,t,s)=>{let r=Me(n),i=e===void 0?t:e===null?s:e;return r&&(i=Math.max(i,q(r.time))),Math.min(s,Math.max(t,i))},An=(n,e)=>{let t=[Ri(n.initial,e)],s=Me(n),r=s?[s,...n.events??[]]:n.events??[];for(let i of r){let o=i===s?i.new_state:En(i);o!==void 0&&t[t.length-1].state!==o&&t.push({time:q(i.time),state:o,seq:i.seq,cause:i.cause})}return t},Jt=(n,e,t)=>{if(t<=e)return n;let s=[{start:e,end:t,kind:"unrecorded",state:null}];for(let r of n)r.end<=t||s.push(r.start<t?{...r,start:t}:r);return s},Pi=(n,e)=>n.map((t,s)=>({start:t.time,end:n[s+1]?.time??e,kind:t.state===null?"none":"state",state:t.state})),Di=(n,e,t,s)=>{let r=[],i=n,o=t;for(let a of e)a.start>o&&r.push({start:o,end:a.start,kind:i===null?"none":"state",state:i}),r.push({start:Math.max(o,a.start),end:a.end,kind:"dense",state:a.state,count:a.count}),i=a.state,o=a.end;return o<s&&r.push({start:o,end:s,kind:i===null?"none":"state",state:i}),r},Ce=(n,e)=>{let t=[];for(let s of n){let r=s.start;for(let i of e)i.end<=r||i.start>=s.end||(i.start>r&&t.push({...s,start:r,end:i.start}),r=Math.min(s.end,i.end));r<s.end&&t.push({...s,start:r})}for(let s of e)t.push({start:s.start,end:s.end,kind:"gap",state:null,reason:s.reason});return t.sort((s,r)=>s.start-r.start||(s.kind==="gap"?-1:1)),Hi(t.filter(s=>s.end>s.start))},Hi=n=>{let e=[];for(let t of n){let s=e[e.length-1];s&&s.end===t.start&&s.kind===t.kind&&s.state===t.state&&t.kind!=="dense"&&t.kind!=="gap"?s.end=t.end:e.push({...t})}return e},Ii=n=>({start:q(n.start),end:q(n.end),count:n.count,state:n.state,seq:n.last_seq,cause:n.cause}),Tn=(n,e,t)=>{let s=n.begins?n.begins.new_state:n.initial?.state??null,r=n.begins?Math.max(e,q(n.begins.time)):e;return Di(s,n.buckets,r,t)},Te=(n,e,t,s,r,i)=>{let o=Mn(t,s,r),a=Li(e,i,s,r),c=Me(e),l={entityId:n,start:s,end:r,initial:e.initial,begins:c,recordedFrom:a,gaps:o};if(e.exact){let C=An(e,s),lt=(e.events??[]).filter(B=>B.event_type!=="checkpoint").map(B=>({time:q(B.time),seq:B.seq,kind:Cn(B),cause:B.cause,count:1,event:B})),Dt=Jt(Pi(C,r),s,a);return{...l,exact:!0,points:C,marks:lt,buckets:[],segments:Ce(Dt,o)}}let p=(e.buckets??[]).map(Ii).sort((C,lt)=>C.start-lt.start),h=p.map(C=>({time:C.end,seq:C.seq,kind:"bucket",cause:C.cause,count:C.count})),$=An({initial:e.initial,begins:c,exact:!0,events:[]},s),k=Jt(Tn({...l,buckets:p},s,r),s,a);return{...l,exact:!1,points:$,marks:h,buckets:p,segments:Ce(k,o)}},Ui=n=>({start:new Date(n.start).toISOString(),end:new Date(n.end).toISOString(),reason:n.reason,seq:0}),qi=n=>{let e=n.payload??{},t=r=>typeof r=="number"?new Date(r/1e3).toISOString():n.time,s=typeof e.reason=="string"?e.reason:n.cause.reason??"unknown";return{start:t(e.from_us),end:t(e.to_us),reason:s,seq:n.seq}},Rn=(n,e,t)=>{let s=new Set(n.marks.map(l=>l.seq)),r=e.filter(l=>l.entity_id===n.entityId&&!s.has(l.seq)&&l.event_type!=="checkpoint"),i=e.filter(l=>l.event_type==="gap"&&l.entity_id===null);if(!r.length&&!i.length)return n.end===t?n:{...n,end:t};let o=[...n.gaps.map(Ui),...i.map(qi)];if(!n.exact)return Oi({...n,gaps:Mn(o,n.start,t)},r,t);let a={initial:n.initial,begins:n.begins,exact:!0,events:[...n.marks.flatMap(l=>l.event?[l.event]:[]),...r]},c=Te(n.entityId,a,o,n.start,t);return{...c,recordedFrom:n.recordedFrom,segments:Jt(c.segments,n.start,n.recordedFrom)}},Oi=(n,e,t)=>{let s=[...n.buckets];for(let o of e){let a=q(o.time),c=En(o),l=s[s.length-1]?.state??n.begins?.new_state??n.initial?.state??null;s.push({start:a,end:a,count:1,state:c===void 0?l:c,seq:o.seq,cause:o.cause})}let r=[...n.marks,...e.map(o=>({time:q(o.time),seq:o.seq,kind:Cn(o),cause:o.cause,count:1,event:o}))],i=Jt(Tn({...n,buckets:s},n.start,t),n.start,n.recordedFrom);return{...n,end:t,buckets:s,marks:r,segments:Ce(i,n.gaps)}};var Ln=[1,10,60,600,3600],Qt=n=>({t:n,wall:n,playing:!1,speed:1,live:!0}),mt=(n,e)=>{if(n.live)return e;let t=n.playing?n.t+(e-n.wall)*n.speed:n.t;return Math.min(t,e)},Pn=(n,e)=>!n.live&&n.playing&&n.t+(e-n.wall)*n.speed>=e,Dn=(n,e)=>n.live?n:{...n,t:mt(n,e),wall:e,playing:!0},Re=(n,e)=>({...n,t:mt(n,e),wall:e,playing:!1,live:!1}),Hn=(n,e,t)=>({...n,t:mt(n,t),wall:t,speed:e}),ht=(n,e,t)=>e>=t?{...n,t,wall:t,playing:!1,live:!0}:{...n,t:e,wall:t,playing:n.playing,live:!1},Le=(n,e,t)=>{if(t>0){for(let s of n)if(s>e)return s;return null}for(let s=n.length-1;s>=0;s--)if(n[s]<e)return n[s];return null},In=(n,e,t,s)=>{let r=mt(n,s),i=Le(e,r,t);return i===null?t>0?ht(n,s,s):Re(n,s):{...ht(n,i,s),playing:!1}};var Ni=(n,e)=>qn(n,e,t=>t.time),qn=(n,e,t)=>{let s=0,r=n.length-1,i=-1;for(;s<=r;){let o=s+r>>1;t(n[o])<=e?(i=o,s=o+1):r=o-1}return i},Un=(n,e,t)=>{let s=t&&n.initial?q(n.initial.last_changed):e.time;return{kind:"state",state:e.state,since:s,approx:!1,seq:e.seq,cause:e.cause}},On=(n,e)=>{if(e<n.start||e>n.end)return{kind:"ask"};if(e<n.recordedFrom)return{kind:"unrecorded"};let t=n.gaps.find(i=>e>=i.start&&e<i.end);if(t)return{kind:"gap",reason:t.reason,start:t.start,end:t.end};if(n.exact){let i=Ni(n.points,e);return Un(n,n.points[Math.max(0,i)],i<=0)}let s=qn(n.buckets,e,i=>i.start);if(s<0)return Un(n,n.points[0],!0);let r=n.buckets[s];return e<r.end?{kind:"ask"}:{kind:"state",state:r.state,since:r.end,approx:!0,seq:r.seq,cause:r.cause}},Pe=n=>{let e=new Set;for(let t of n)for(let s of t.marks)e.add(s.time);return[...e].sort((t,s)=>t-s)};var De=(n,e,t,s,r=8)=>{if(s<=0||t<=0)return{first:0,last:0,padTop:0,padBottom:0};let i=Math.max(0,Math.floor(n/t)-r),o=Math.min(s,Math.ceil((n+e)/t)+r);return{first:i,last:o,padTop:i*t,padBottom:(s-o)*t}},Vn=(n,e,t,s=20)=>t&&n.last>=e-s,He=(n,e)=>{let t=new Set,s=[];for(let r of[...n,...e])t.has(r.seq)||(t.add(r.seq),s.push(r));return s.sort((r,i)=>i.seq-r.seq)};var ji=100,Bi=n=>n.log_start===void 0?void 0:n.log_start===null?null:Date.parse(n.log_start),zi=()=>Date.now(),Ie=36e5,O=n=>typeof n=="object"&&n!==null&&"message"in n?String(n.message):String(n),ft=class{constructor(e){f(this,"host",e);f(this,"hass");f(this,"entityIds",[]);f(this,"hours",24);f(this,"laneWidth",400);f(this,"lanes",[]);f(this,"gapsIntegrity",null);f(this,"loading",!1);f(this,"error",null);f(this,"list",[]);f(this,"nextCursor",null);f(this,"listLoading",!1);f(this,"clock",Qt(Date.now()));f(this,"windowStart",0);f(this,"windowEnd",null);f(this,"selection",null);f(this,"asked",null);f(this,"unsub",null);f(this,"connected",!1);f(this,"streamedSeq",0);f(this,"timer");f(this,"generation",0);f(this,"askTimer");f(this,"widthTimer");f(this,"askedBuckets",0);f(this,"ticks",0);e.addController(this)}hostConnected(){this.connected=!0,this.timer=window.setInterval(()=>this.tick(),250),this.hass&&this.lanes.length&&this.windowEnd===null&&!this.loading&&!this.unsub&&this.startStream(this.generation).catch(e=>{this.error=O(e),this.host.requestUpdate()})}hostDisconnected(){this.connected=!1,window.clearInterval(this.timer),window.clearTimeout(this.askTimer),window.clearTimeout(this.widthTimer),this.stopStream()}setWidth(e){this.laneWidth=e,this.needsWider()&&this.reloadSoon()}needsWider(){return!this.loading&&this.lanes.some(e=>!e.exact)&&this.laneWidth>=this.askedBuckets*1.25}reloadSoon(){window.clearTimeout(this.widthTimer),this.widthTimer=window.setTimeout(()=>{this.load(this.windowStart,this.windowEnd)},300)}get now(){return Date.now()}get start(){return this.windowEnd===null?Math.max(this.windowStart,this.now-this.hours*Ie):this.windowStart}get end(){return this.windowEnd??this.now}get cursor(){return mt(this.clock,this.now)}tick(){if(this.ticks++,Pn(this.clock,this.now)&&(this.clock={...Qt(this.now),speed:this.clock.speed}),this.clock.playing||this.clock.live&&this.ticks%4===0){let e=this.cursor;!this.loading&&this.lanes.length&&(e>this.end||e<this.windowStart)&&this.jump(e),this.host.requestUpdate()}}stopStream(){this.unsub?.(),this.unsub=null}async load(e,t){let s=this.hass;if(!s||!this.entityIds.length)return;let r=++this.generation;this.stopStream(),this.streamedSeq=0,this.windowEnd=t??null,this.windowStart=e??this.end-this.hours*Ie,this.loading=!0,this.error=null,this.host.requestUpdate();try{let i=await bn(s,{entityIds:this.entityIds,start:new Date(this.windowStart),end:new Date(this.end),buckets:this.askedBuckets=Math.round(this.laneWidth)});if(r!==this.generation)return;let o=Date.parse(i.start),a=Date.parse(i.end);this.lanes=this.entityIds.filter(c=>i.entities[c]).map(c=>Te(c,i.entities[c],i.gaps,o,a,Bi(i))),this.gapsIntegrity=i.integrity,this.lanes.some(c=>!c.exact)&&this.laneWidth>=this.askedBuckets*1.25&&this.reloadSoon(),this.list=[],this.nextCursor=null,await this.loadMore(r),this.windowEnd===null&&r===this.generation&&await this.startStream(r)}catch(i){r===this.generation&&(this.error=O(i))}finally{r===this.generation&&(this.loading=!1),this.host.requestUpdate()}}async loadMore(e=this.generation){let t=this.hass;if(!(!t||this.listLoading||this.list.length&&!this.nextCursor)){this.listLoading=!0;try{let s=await Ee(t,{entityIds:this.entityIds,start:new Date(this.windowStart),end:new Date(this.end),order:"desc",limit:ji,cursor:this.nextCursor});if(e!==this.generation)return;this.list=He(this.list,s.events),this.nextCursor=s.next_cursor}finally{this.listLoading=!1,this.host.requestUpdate()}}}lastSeq(){let e=Math.max(this.list[0]?.seq??0,this.streamedSeq);for(let t of this.lanes){e=Math.max(e,t.initial?.seq??0);for(let s of t.marks)e=Math.max(e,s.seq)}return e}async startStream(e){let t=this.hass;if(!this.connected)return;let s=await _n(t,{entityIds:this.entityIds,afterSeq:this.lastSeq(),onEvents:r=>this.onLive(r),onError:r=>{this.error=O(r),this.host.requestUpdate()}});e!==this.generation||!this.connected||this.unsub?s():this.unsub=s}onLive(e){let t=this.now;for(let r of e)this.streamedSeq=Math.max(this.streamedSeq,r.seq);this.lanes=this.lanes.map(r=>Rn(r,e,Math.max(t,r.end)));let s=e.filter(r=>r.event_type!=="checkpoint"&&r.entity_id&&this.entityIds.includes(r.entity_id));this.list=He(s,this.list),this.host.requestUpdate()}statesAtCursor(){let e=this.cursor,t=new Map,s=!1;for(let r of this.lanes){let i=On(r,Math.min(e,r.end));i.kind==="ask"?this.asked&&this.asked.t===e&&r.entityId in this.asked.states?t.set(r.entityId,{kind:"server",state:this.asked.states[r.entityId]??null}):s=!0:t.set(r.entityId,i)}return s&&this.askLater(e),t}askLater(e){window.clearTimeout(this.askTimer),this.askTimer=window.setTimeout(async()=>{if(this.hass){try{let t=await yn(this.hass,new Date(e),this.entityIds,!1);this.asked={t:e,states:t.states}}catch(t){this.error=O(t)}this.host.requestUpdate()}},200)}act(e,t){let s=this.now,r=this.clock;switch(e){case"play":this.clock=Dn(r.live?ht(r,this.start,s):r,s);break;case"pause":this.clock=Re(r,s);break;case"speed":this.clock=Hn(r,t??1,s);break;case"live":this.clock=Qt(s),this.windowEnd!==null&&this.load();break;case"prev":case"next":this.stepChange(e==="next"?1:-1);break;case"seek":this.clock=ht(r,t??s,s);break;case"jump":this.jump(t??s);return}this.host.requestUpdate()}stepChange(e){let t=this.now,s=this.cursor;if(Le(Pe(this.lanes),s,e)!==null||e>0&&this.windowEnd===null){this.clock=In(this.clock,Pe(this.lanes),e,t);return}this.stepBeyond(s,e)}async stepBeyond(e,t){let s=this.hass;if(s)try{let i=(await Ee(s,{entityIds:this.entityIds,start:new Date(t>0?e+1:0),end:new Date(t>0?zi():e-1),order:t>0?"asc":"desc",limit:1})).events[0];if(!i){t>0&&this.act("live");return}this.clock={...this.clock,playing:!1},await this.jump(Date.parse(i.time))}catch(r){this.error=O(r),this.host.requestUpdate()}}async jump(e){let t=this.now,s=this.hours*Ie/2,r=e+s>=t,i=this.clock.playing;this.clock={...ht(this.clock,e,t),playing:i},await this.load(r?t-2*s:e-s,r?null:e+s)}async select(e,t,s){this.selection={seq:e,event:t,trace:null,links:{},loading:s||!t,error:null},this.host.requestUpdate(),!(!s&&t)&&await this.loadTrace(e)}async loadTrace(e){let t=this.hass,s=this.selection;if(!(!t||!s||s.seq!==e)){s.loading=!0,this.host.requestUpdate();try{let r=await vn(t,e),i={};for(let o of r.hops)(o.hop==="automation_run"||o.hop==="script_run")&&o.run_id&&(i[o.run_id]=await Sn(t,o.entity_id,o.run_id));if(this.selection?.seq!==e)return;this.selection={...s,event:s.event??r.chain[0]??null,trace:r,links:i,loading:!1}}catch(r){this.selection?.seq===e&&(this.selection={...s,loading:!1,error:O(r)})}this.host.requestUpdate()}}closeSelection(){this.selection=null,this.host.requestUpdate()}};var Ue=n=>n.user_id?n.user_id:(n.kind==="automation"||n.kind==="script")&&n.entity_id?n.entity_id:null,qe=(n,e)=>{for(let t of Object.values(n))if(t.entity_id.startsWith("person.")&&t.attributes.user_id===e){let s=t.attributes.entity_picture;return typeof s=="string"?s:null}return null},Fi=(n,e)=>{for(let t of Object.values(n))if(t.entity_id.startsWith("person.")&&t.attributes.user_id===e){let s=t.attributes.friendly_name;return typeof s=="string"?s:null}return null},it=(n,e)=>{let t=n[e]?.attributes.friendly_name;return typeof t=="string"&&t?t:e},Wi=(n,e)=>{switch(n.kind){case"user":return n.user_name??(n.user_id?Fi(e.states,n.user_id):null)??e.t("cause.unknown_user");case"automation":case"script":return n.name??(n.entity_id?it(e.states,n.entity_id):e.t(`cause.${n.kind}`));case"action":return n.service??e.t("cause.action");case"device":{let t=n.device_id?e.devices?.[n.device_id]:void 0;return t?.name_by_user??t?.name??n.platform??e.t("cause.device")}case"entity":return n.entity_id?it(e.states,n.entity_id):e.t("cause.entity");case"system":return n.reason==="initial"?e.t("cause.recorded_at_start"):e.t("cause.system");default:return e.t(`cause.${n.kind}`)}},Ki=(n,e)=>{let t=[];return n.kind==="user"&&n.service&&t.push(n.service),(n.kind==="automation"||n.kind==="script")&&n.trigger&&t.push(n.trigger),n.via&&t.push(e.t("cause.via",{via:it(e.states,n.via)})),n.reason&&!(n.kind==="system"&&n.reason==="initial")&&t.push(e.t(`reason.${n.reason}`)),t.length?t.join(" · "):null},Nn=(n,e)=>({kind:n.kind,text:Wi(n,e),detail:Ki(n,e),picture:n.kind==="user"&&n.user_id?qe(e.states,n.user_id):null,low:n.confidence==="low",unobserved:n.kind==="unobserved",actor:Ue(n)});var jn=new Set(["off","idle","closed","locked","not_home","standby","docked","paused","disarmed","below_horizon","0"]),Zi=new Set(["unavailable","unknown"]),Bn=n=>n.toLowerCase().replace(/[^a-z0-9_]+/g,"_"),Oe=(n,e)=>n.reduceRight((t,s)=>`var(${s}, ${t})`,e),zn=["--blue-color","--teal-color","--amber-color","--purple-color","--cyan-color","--pink-color","--lime-color","--deep-orange-color"],Yi=n=>[...n].reduce((e,t)=>e*31+t.charCodeAt(0)>>>0,7),Fn=(n,e,t)=>{if(e===null)return"transparent";if(Zi.has(e))return Oe(["--history-unavailable-color","--state-unavailable-color"],"var(--disabled-text-color, #bdbdbd)");let s=n.split(".",1)[0]??"",r=Bn(e),i=jn.has(e)?"inactive":"active",o=[...t?[`--state-${s}-${Bn(t)}-${r}-color`]:[],`--state-${s}-${r}-color`];return jn.has(e)||["on","open","unlocked","home","playing","heat","cool","active"].includes(e)?(o.push(`--state-${s}-${i}-color`,`--state-${i}-color`),Oe(o,i==="active"?"var(--primary-color)":"var(--secondary-text-color)")):Oe(o,`var(${zn[Yi(e)%zn.length]}, var(--primary-color))`)};var Xt=n=>{let e=nt(n.localize?.bind(n));return{hass:n,t:e,fmt:hn(n.locale??{language:"en"},n.config?.time_zone??"UTC"),name:t=>it(n.states,t),state:(t,s)=>s===null?e("card.did_not_exist"):on(n.localize?.bind(n),t,s),color:(t,s)=>{let r=n.states[t]?.attributes.device_class;return Fn(t,s,typeof r=="string"?r:void 0)}}},Gi=n=>n.split(/[\s._]+/).filter(Boolean).slice(0,2).map(e=>e[0].toUpperCase()).join(""),Y=(n,e,t=!1)=>{let s=Nn(n,{states:e.hass.states,devices:e.hass.devices,t:e.t}),r=[s.low?e.t("cause.low"):null,s.unobserved?e.t("cause.unobserved"):null].filter(Boolean);return u`<span
    class="chip kind-${s.kind} ${s.low?"low":""} ${s.unobserved?"unobserved":""}"
    title=${[e.t(`cause.${s.kind}`),s.text,s.detail,...r].filter(Boolean).join(" · ")}
  >
    ${s.picture?u`<img class="avatar" src=${s.picture} alt="" />`:u`<span class="avatar">${Gi(s.text)||"?"}</span>`}
    <span class="who">${s.text}</span>
    ${t&&s.detail?u`<span class="detail">${s.detail}</span>`:m}
    ${s.low?u`<span class="flag" aria-label=${e.t("cause.low")}>?</span>`:m}
  </span>`},H=M`
  :host {
    color: var(--primary-text-color);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--secondary-background-color, transparent);
    border: 1px solid var(--divider-color);
    border-radius: 6px;
    padding: 4px 8px;
    cursor: pointer;
    min-height: 32px;
  }
  button:focus-visible,
  [tabindex]:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 1px;
  }
  input,
  select {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--input-fill-color, var(--secondary-background-color));
    border: 1px solid var(--divider-color);
    border-radius: 6px;
    padding: 4px 6px;
    min-height: 32px;
    box-sizing: border-box;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-width: 100%;
    padding: 1px 8px 1px 1px;
    border-radius: 14px;
    background: var(--secondary-background-color);
    border: 1px solid var(--divider-color);
    font-size: 0.85em;
    white-space: nowrap;
    overflow: hidden;
  }
  .chip .who {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip .detail {
    color: var(--secondary-text-color);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip.low,
  .chip.unobserved {
    border-style: dashed;
    border-color: var(--warning-color);
  }
  .chip .flag {
    color: var(--warning-color);
    font-weight: bold;
  }
  .avatar {
    width: 20px;
    height: 20px;
    border-radius: 50%;
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    font-size: 10px;
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    object-fit: cover;
  }
  .kind-automation .avatar,
  .kind-script .avatar {
    background: var(--accent-color);
  }
  .kind-device .avatar,
  .kind-entity .avatar,
  .kind-system .avatar {
    background: var(--secondary-text-color);
  }
  .kind-unobserved .avatar,
  .kind-unknown .avatar {
    background: var(--disabled-text-color, var(--secondary-text-color));
  }
  .muted {
    color: var(--secondary-text-color);
  }
  .error {
    color: var(--error-color);
  }
  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    margin-right: 4px;
    vertical-align: middle;
  }
`,te=M`
  section {
    background: var(--card-background-color);
    border-radius: var(--ha-card-border-radius, 12px);
    border: 1px solid var(--divider-color);
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }
  section > button {
    align-self: flex-start;
  }
  h2 {
    font-size: 1em;
    font-weight: 500;
    margin: 4px 0 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.85em;
    color: var(--secondary-text-color);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  td {
    padding: 4px 6px;
    border-bottom: 1px solid var(--divider-color);
    vertical-align: top;
  }
  .ok {
    color: var(--success-color, var(--primary-text-color));
  }
  .sha {
    word-break: break-all;
    font-family: var(--code-font-family, monospace);
    font-size: 0.85em;
  }
`;var ee=(n,e,t)=>u`<audit-trail-timeline
    .ctx=${e}
    .lanes=${n.lanes}
    .start=${n.start}
    .end=${n.end}
    .cursor=${n.cursor}
    .live=${n.clock.live}
    .growing=${n.windowEnd===null&&!n.error}
    .info=${n.statesAtCursor()}
    @width-changed=${s=>t?.(s.detail.width)}
    @cursor-set=${s=>n.act("seek",s.detail.t)}
    @cursor-step=${s=>n.act(s.detail.dir>0?"next":"prev")}
    @mark-select=${s=>{n.select(s.detail.seq,s.detail.event,!1)}}
  ></audit-trail-timeline>`,se=(n,e)=>u`<audit-trail-replay-bar
    .ctx=${e}
    .cursor=${n.cursor}
    .playing=${n.clock.playing}
    .live=${n.clock.live}
    .speed=${n.clock.speed}
    @replay=${t=>n.act(t.detail.action,t.detail.value)}
  ></audit-trail-replay-bar>`,ne=(n,e,t,s=320)=>u`<audit-trail-change-list
    .ctx=${e}
    .events=${t}
    .hasMore=${!!n.nextCursor}
    .loading=${n.listLoading||n.loading}
    .height=${s}
    @load-more=${()=>{n.loadMore()}}
    @change-select=${r=>{n.select(r.detail.seq,r.detail.event,r.detail.why)}}
  ></audit-trail-change-list>`,re=(n,e)=>u`<audit-trail-why-dialog
    .ctx=${e}
    .selection=${n.selection}
    @closed=${()=>n.closeSelection()}
    @why-load=${t=>{n.loadTrace(t.detail.seq)}}
  ></audit-trail-why-dialog>`,gt=(n,e,t,s)=>{let r=n.fmt.timeZone,i=o=>{let a=o.target.value,c=Gt(a,r);t(a===""?null:Number.isNaN(c)?e:c)};return u`<label
    >${s}<input
      type="datetime-local"
      step="1"
      .value=${e===null?"":Yt(e,r)}
      @change=${i}
  /></label>`};var Wn,Kn,Zn,ot,Ve,Ne,G=class extends(Zn=S,Kn=[b({attribute:!1})],Wn=[_()],Zn){constructor(){super(...arguments);y(this,Ve,d(ot,8,this)),d(ot,11,this);y(this,Ne,d(ot,12,this)),d(ot,15,this);f(this,"ctrl",new ft(this));f(this,"ctxCache",null);f(this,"loadedKey","");f(this,"resolvedCache",null)}static getConfigForm(){return cn(nt())}static getStubConfig(t){return ln(t.states)}setConfig(t){this.config=an(t)}getCardSize(){return 4+2*(this.ctrl.lanes.length||(this.config?.entities?.length??1))}getGridOptions(){return{columns:12,min_columns:6,rows:"auto",min_rows:4}}get ctx(){return(!this.ctxCache||this.ctxCache.hass!==this.hass)&&(this.ctxCache={hass:this.hass,ctx:Xt(this.hass)}),this.ctxCache.ctx}willUpdate(t){if(!this.hass||!this.config)return;this.ctrl.hass=this.hass;let s=this.resolved(),r=`${s.join(",")}|${this.config.hours_to_show}`;if(r!==this.loadedKey){this.loadedKey=r,this.ctrl.entityIds=s,this.ctrl.hours=this.config.hours_to_show??24;let i=this.clientWidth-32;i>0&&(this.ctrl.laneWidth=i),this.ctrl.load()}}resolved(){let t=this.hass,s=[this.config,t.entities,t.devices,t.areas];return(!this.resolvedCache||s.some((r,i)=>r!==this.resolvedCache.key[i]))&&(this.resolvedCache={key:s,ids:Wt(this.config?.entities,this.config?.target,t)}),this.resolvedCache.ids}integrity(){let t=this.ctrl.gapsIntegrity;if(!t)return m;let s=un(t),r=this.ctx.t(s.key,s.values);if(s.kind==="bad")return u`<span class="integrity bad" role="alert">⚠ ${r}</span>`;if(s.kind==="pending")return u`<span class="integrity pending" title=${r}>◌ ${r}</span>`;let i=t.verified_at?` · ${W(Date.parse(t.verified_at),this.ctx.fmt,!1)}`:"";return u`<span class="integrity ok" title=${r+i}>✓ ${r}</span>`}render(){if(!this.config||!this.hass)return m;let t=this.ctx,s=this.ctrl,r=s.entityIds.length?u`
          ${s.error?u`<p class="error">${t.t("card.error",{message:s.error})}</p>`:m}
          ${ee(s,t,i=>s.setWidth(i))} ${se(s,t)}
          <h3 class="sub">${t.t("card.changes")}</h3>
          ${ne(s,t,s.list)} ${re(s,t)}
        `:u`<p class="muted">${t.t("card.no_entities")}</p>`;return u`<ha-card>
      <div class="header">
        <span class="title">${this.config.title??t.t("card.name")}</span>
        ${this.integrity()}
      </div>
      <div class="content">${r}</div>
    </ha-card>`}};ot=D(Zn),Ve=new WeakMap,Ne=new WeakMap,g(ot,4,"hass",Kn,G,Ve),g(ot,4,"config",Wn,G,Ne),L(ot,G),f(G,"styles",[H,M`
      :host {
        display: block;
      }
      ha-card {
        display: block;
        overflow: hidden;
      }
      .header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
        gap: 4px 12px;
        padding: 12px 16px 0;
      }
      .title {
        font-size: var(--ha-card-header-font-size, 1.3em);
        font-weight: 400;
      }
      .content {
        padding: 4px 16px 16px;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .integrity {
        font-size: 0.8em;
      }
      .integrity.ok {
        color: var(--success-color, var(--secondary-text-color));
      }
      .integrity.pending {
        color: var(--secondary-text-color);
      }
      .integrity.bad {
        color: var(--error-color);
        font-weight: 500;
      }
      .sub {
        margin: 8px 0 0;
        font-size: 0.95em;
        font-weight: 500;
      }
    `]);var Yn=(n,e)=>dn(n.states,e,nt(n.localize?.bind(n))("card.suggestion"));var at={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},ie=n=>(...e)=>({_$litDirective$:n,values:e}),yt=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,s){this._$Ct=e,this._$AM=t,this._$Ci=s}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:tc}=sn;var Gn=n=>n.strings===void 0;var Ji={},Jn=(n,e=Ji)=>n._$AH=e;var je=ie(class extends yt{constructor(n){if(super(n),n.type!==at.PROPERTY&&n.type!==at.ATTRIBUTE&&n.type!==at.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!Gn(n))throw Error("`live` bindings can only contain a single expression")}render(n){return n}update(n,[e]){if(e===P||e===m)return e;let t=n.element,s=n.name;if(n.type===at.PROPERTY){if(e===t[s])return P}else if(n.type===at.BOOLEAN_ATTRIBUTE){if(!!e===t.hasAttribute(s))return P}else if(n.type===at.ATTRIBUTE&&t.getAttribute(s)===e+"")return P;return Jn(n),e}});var Qi=["user","automation","script","action","entity","device","system","unobserved","unknown"],Xi=864e5,Be=200,Qn,Xn,tr,er,sr,nr,rr,ir,or,ar,cr,lr,dr,ur,v,ze,Fe,We,Ke,Ze,Ye,Ge,Je,Qe,Xe,ts,es,ss,A=class extends(ur=S,dr=[b({attribute:!1})],lr=[b({type:Boolean})],cr=[b({attribute:!1})],ar=[b({attribute:!1})],or=[_()],ir=[_()],rr=[_()],nr=[_()],sr=[_()],er=[_()],tr=[_()],Xn=[_()],Qn=[_()],ur){constructor(){super(...arguments);y(this,ze,d(v,8,this)),d(v,11,this);y(this,Fe,d(v,12,this,!1)),d(v,15,this);y(this,We,d(v,16,this)),d(v,19,this);y(this,Ke,d(v,20,this)),d(v,23,this);y(this,Ze,d(v,24,this,[])),d(v,27,this);y(this,Ye,d(v,28,this,[])),d(v,31,this);y(this,Ge,d(v,32,this,"")),d(v,35,this);y(this,Je,d(v,36,this,Date.now()-Xi)),d(v,39,this);y(this,Qe,d(v,40,this,null)),d(v,43,this);y(this,Xe,d(v,44,this,"")),d(v,47,this);y(this,ts,d(v,48,this,"")),d(v,51,this);y(this,es,d(v,52,this,null)),d(v,55,this);y(this,ss,d(v,56,this,null)),d(v,59,this);f(this,"ctrl",new ft(this));f(this,"ctxCache",null)}get ctx(){return(!this.ctxCache||this.ctxCache.hass!==this.hass)&&(this.ctxCache={hass:this.hass,ctx:Xt(this.hass)}),this.ctxCache.ctx}get entityIds(){return this.hass?Wt(this.picked,{area_id:this.areas},this.hass):[]}async apply(){if(!this.hass)return;this.message=null,this.ctrl.hass=this.hass,this.ctrl.entityIds=this.entityIds;let t=this.to===null||this.to>=Date.now()?null:this.to;this.ctrl.hours=((t??Date.now())-this.from)/36e5,await Promise.all([this.ctrl.load(this.from,t),this.loadActivity()])}async loadActivity(){try{this.activity=await xn(this.hass,new Date(this.from),this.to===null?void 0:new Date(this.to))}catch(t){this.message=O(t)}}toggle(t,s,r){let i=this[t];this[t]=r?[...i,s]:i.filter(o=>o!==s)}picker(){let t=this.ctx,s=this.search.toLowerCase(),r=Object.keys(this.hass.states).sort(),i=r.filter(a=>!s||a.includes(s)||t.name(a).toLowerCase().includes(s)),o=r.filter(a=>this.picked.includes(a)||i.slice(0,Be).includes(a));return u`<section class="pick">
      <h2>
        ${t.t("panel.entities")}
        <span class="muted">${t.t("panel.selected",{count:this.entityIds.length})}</span>
      </h2>
      <input
        type="search"
        placeholder=${t.t("panel.search")}
        aria-label=${t.t("panel.search")}
        .value=${this.search}
        @input=${a=>this.search=a.target.value}
      />
      <div class="checks">
        ${o.map(a=>u`<label
              ><input
                type="checkbox"
                .checked=${je(this.picked.includes(a))}
                @change=${c=>this.toggle("picked",a,c.target.checked)}
              />${t.name(a)} <span class="muted">${a}</span></label
            >`)}
        ${i.length>Be?u`<div class="muted">… ${i.length-Be}</div>`:m}
      </div>
      <h2>${t.t("panel.areas")}</h2>
      <div class="checks short">
        ${Object.values(this.hass.areas??{}).map(a=>u`<label
              ><input
                type="checkbox"
                .checked=${je(this.areas.includes(a.area_id))}
                @change=${c=>this.toggle("areas",a.area_id,c.target.checked)}
              />${a.name}</label
            >`)}
      </div>
      <h2>${t.t("panel.range")}</h2>
      <div class="row">
        ${gt(t,this.from,a=>this.from=a??this.from,t.t("panel.from"))}
        ${gt(t,this.to,a=>this.to=a,t.t("panel.to"))}
        <button class="primary" @click=${()=>{this.apply()}} ?disabled=${!this.entityIds.length}>
          ${t.t("panel.apply")}
        </button>
      </div>
    </section>`}filters(){let t=this.ctx;return u`<div class="row">
      <label
        >${t.t("panel.filter_kind")}<select
          @change=${s=>this.kind=s.target.value}
        >
          <option value="">${t.t("panel.all")}</option>
          ${Qi.map(s=>u`<option value=${s} ?selected=${s===this.kind}>${t.t(`cause.${s}`)}</option>`)}
        </select></label
      >
      <label
        >${t.t("panel.filter_actor")}<select
          @change=${s=>this.actor=s.target.value}
        >
          <option value="">${t.t("panel.all")}</option>
          ${(this.activity?.actors??[]).map(s=>u`<option value=${s.actor} ?selected=${s.actor===this.actor}>${s.name??s.actor}</option>`)}
        </select></label
      >
    </div>`}activitySection(){let t=this.ctx;return this.activity?u`<section>
      <h2>
        ${t.t("panel.activity")}
        <span class="muted">${t.t("panel.activity_total",{total:this.activity.total})}</span>
      </h2>
      <table>
        <tbody>
          ${this.activity.actors.map(s=>u`<tr>
                <td>
                  <button class="link" @click=${()=>this.actor=s.actor}>${s.name??s.actor}</button>
                  <span class="muted">${t.t(`cause.${s.kind}`)}</span>
                </td>
                <td class="num">${s.total}</td>
                <td class="muted">
                  ${Object.entries(s.by_entity).sort((r,i)=>i[1]-r[1]).slice(0,3).map(([r,i])=>`${t.name(r)} ${i}`).join(", ")}
                </td>
              </tr>`)}
        </tbody>
      </table>
    </section>`:m}render(){if(!this.hass)return m;let t=this.ctx,s=this.ctrl,r=s.list.filter(i=>(!this.kind||i.cause.kind===this.kind)&&(!this.actor||Ue(i.cause)===this.actor));return u`
      <header>
        <button
          class="menu"
          @click=${()=>this.dispatchEvent(new Event("hass-toggle-menu",{bubbles:!0,composed:!0}))}
          aria-label="Menu"
        >
          ☰
        </button>
        <h1>${t.t("panel.title")}</h1>
      </header>
      <main class=${this.narrow?"narrow":""}>
        ${this.picker()}
        <section class="view">
          ${this.message?u`<p class="error">${this.message}</p>`:m}
          ${s.error?u`<p class="error">${t.t("card.error",{message:s.error})}</p>`:m}
          ${s.lanes.length?u`
                  ${ee(s,t,i=>s.setWidth(i))} ${se(s,t)}
                  ${s.gapsIntegrity&&s.gapsIntegrity.ok===!1?u`<p class="error" role="alert">⚠ ${t.t("integrity.bad",{seq:s.gapsIntegrity.first_bad_seq??"?",reason:s.gapsIntegrity.reason??""})}</p>`:m}
                  ${this.filters()} ${ne(s,t,r,480)}
                `:u`<p class="muted">${s.loading?t.t("card.loading"):t.t("card.no_entities")}</p>`}
          ${this.activitySection()}
          <audit-trail-panel-tools
            .ctx=${t}
            .entityIds=${this.entityIds}
            .from=${this.from}
            .to=${this.to}
          ></audit-trail-panel-tools>
        </section>
      </main>
      ${re(s,t)}
    `}};v=D(ur),ze=new WeakMap,Fe=new WeakMap,We=new WeakMap,Ke=new WeakMap,Ze=new WeakMap,Ye=new WeakMap,Ge=new WeakMap,Je=new WeakMap,Qe=new WeakMap,Xe=new WeakMap,ts=new WeakMap,es=new WeakMap,ss=new WeakMap,g(v,4,"hass",dr,A,ze),g(v,4,"narrow",lr,A,Fe),g(v,4,"route",cr,A,We),g(v,4,"panel",ar,A,Ke),g(v,4,"picked",or,A,Ze),g(v,4,"areas",ir,A,Ye),g(v,4,"search",rr,A,Ge),g(v,4,"from",nr,A,Je),g(v,4,"to",sr,A,Qe),g(v,4,"kind",er,A,Xe),g(v,4,"actor",tr,A,ts),g(v,4,"activity",Xn,A,es),g(v,4,"message",Qn,A,ss),L(v,A),f(A,"styles",[H,te,M`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--primary-background-color);
      }
      header {
        display: flex;
        align-items: center;
        gap: 8px;
        height: 56px;
        padding: 0 12px;
        background: var(--app-header-background-color, var(--primary-color));
        color: var(--app-header-text-color, var(--text-primary-color, #fff));
      }
      header h1 {
        font-size: 1.25em;
        font-weight: 400;
        margin: 0;
      }
      header .menu {
        background: transparent;
        border: none;
        color: inherit;
        font-size: 1.3em;
      }
      main {
        display: grid;
        grid-template-columns: minmax(260px, 320px) 1fr;
        gap: 16px;
        padding: 16px;
        align-items: start;
      }
      main.narrow {
        grid-template-columns: 1fr;
        padding: 8px;
      }
      section.view {
        gap: 12px;
        background: transparent;
        border: none;
        padding: 0;
      }
      section.view > section {
        background: var(--card-background-color);
      }
      .checks {
        max-height: 260px;
        overflow-y: auto;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .checks.short {
        max-height: 140px;
      }
      .checks label {
        display: flex;
        flex-direction: row;
        /* A flex item with overflow hidden may shrink to nothing: in a list taller than its
           max-height every label was squeezed and their text drawn over each other. */
        flex: 0 0 auto;
        gap: 6px;
        align-items: center;
        font-size: 0.9em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        color: var(--primary-text-color);
      }
      .primary {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border: none;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .link {
        background: none;
        border: none;
        padding: 0;
        min-height: 0;
        color: var(--primary-color);
        text-align: left;
      }
      audit-trail-timeline,
      audit-trail-replay-bar,
      audit-trail-change-list {
        background: var(--card-background-color);
        padding: 8px 12px;
        border-radius: 8px;
      }
    `]);var Tt=(n,e)=>{let t=n.entity_id??"";switch(n.event_type){case"attributes_changed":return e.t("change.attributes");case"entity_added":return`${e.t("change.added")}: ${e.state(t,n.new_state)}`;case"entity_removed":return e.t("change.removed");case"annotation":case"correction":{let s=typeof n.payload?.message=="string"?n.payload.message:"",r=n.causation_seq===null?"":` (#${n.causation_seq})`;return`${e.t(`change.${n.event_type}`)}${r}: ${s}`}default:return n.old_state===n.new_state?e.t("change.attributes"):`${n.old_state===null?"—":e.state(t,n.old_state)} → ${n.new_state===null?"—":e.state(t,n.new_state)}`}};var vt=52,pr,hr,mr,fr,gr,yr,vr,E,ns,rs,is,os,as,cs,V=class extends(vr=S,yr=[b({attribute:!1})],gr=[b({attribute:!1})],fr=[b({type:Boolean})],mr=[b({type:Boolean})],hr=[b({type:Number})],pr=[_()],vr){constructor(){super(...arguments);y(this,ns,d(E,8,this)),d(E,11,this);y(this,rs,d(E,12,this,[])),d(E,15,this);y(this,is,d(E,16,this,!1)),d(E,19,this);y(this,os,d(E,20,this,!1)),d(E,23,this);y(this,as,d(E,24,this,320)),d(E,27,this);y(this,cs,d(E,28,this,0)),d(E,31,this)}onScroll(t){this.scrollPos=t.target.scrollTop}updated(){let t=De(this.scrollPos,this.height,vt,this.events.length);!this.loading&&Vn(t,this.events.length,this.hasMore)&&this.dispatchEvent(new CustomEvent("load-more",{bubbles:!0,composed:!0}))}open(t,s){this.dispatchEvent(new CustomEvent("change-select",{detail:{seq:t.seq,event:t,why:s},bubbles:!0,composed:!0}))}onKey(t,s){if(t.key!=="ArrowDown"&&t.key!=="ArrowUp")return;t.preventDefault();let r=s+(t.key==="ArrowDown"?1:-1);if(r<0||r>=this.events.length)return;let i=this.renderRoot.querySelector(".scroller"),o=r*vt;o<i.scrollTop?i.scrollTop=o:o+vt>i.scrollTop+this.height&&(i.scrollTop=o+vt-this.height),this.scrollPos=i.scrollTop,this.updateComplete.then(()=>this.renderRoot.querySelector(`[data-index="${r}"]`)?.focus())}row(t,s){let r=this.ctx;return u`<div
      class="row"
      role="listitem"
      tabindex="0"
      data-index=${s}
      @click=${()=>this.open(t,!1)}
      @keydown=${i=>i.key==="Enter"?this.open(t,!1):this.onKey(i,s)}
    >
      <div class="line1">
        <span class="name">${t.entity_id?r.name(t.entity_id):t.event_type}</span>
        <span class="change">${Tt(t,r)}</span>
      </div>
      <div class="line2">
        <span class="time">${W(Date.parse(t.time),r.fmt)}</span>
        ${Y(t.cause,r)}
        <button
          class="why"
          @click=${i=>{i.stopPropagation(),this.open(t,!0)}}
        >
          ${r.t("why.open")}
        </button>
      </div>
    </div>`}render(){if(!this.ctx)return m;let t=De(this.scrollPos,this.height,vt,this.events.length),s=this.events.slice(t.first,t.last);return u`
      <div
        class="scroller"
        style="max-height:${this.height}px"
        @scroll=${this.onScroll}
        role="list"
        aria-label=${this.ctx.t("card.changes")}
      >
        <div style="height:${t.padTop}px"></div>
        ${s.map((r,i)=>this.row(r,t.first+i))}
        <div style="height:${t.padBottom}px"></div>
        ${!this.events.length&&!this.loading?u`<div class="empty muted">${this.ctx.t("card.no_changes")}</div>`:m}
        ${this.loading?u`<div class="empty muted">${this.ctx.t("card.loading")}</div>`:m}
      </div>
    `}};E=D(vr),ns=new WeakMap,rs=new WeakMap,is=new WeakMap,os=new WeakMap,as=new WeakMap,cs=new WeakMap,g(E,4,"ctx",yr,V,ns),g(E,4,"events",gr,V,rs),g(E,4,"hasMore",fr,V,is),g(E,4,"loading",mr,V,os),g(E,4,"height",hr,V,as),g(E,4,"scrollPos",pr,V,cs),L(E,V),f(V,"styles",[H,M`
      :host {
        display: block;
      }
      .scroller {
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      .row {
        height: ${vt}px;
        box-sizing: border-box;
        padding: 4px 2px;
        border-bottom: 1px solid var(--divider-color);
        cursor: pointer;
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 2px;
      }
      .row:hover {
        background: var(--secondary-background-color);
      }
      .line1,
      .line2 {
        display: flex;
        align-items: center;
        gap: 8px;
        min-width: 0;
        white-space: nowrap;
      }
      .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        flex: 0 1 auto;
      }
      .change {
        overflow: hidden;
        text-overflow: ellipsis;
        flex: 1 1 auto;
      }
      .time {
        font-size: 0.8em;
        color: var(--secondary-text-color);
        flex: none;
      }
      .line2 .chip {
        flex: 0 1 auto;
        min-width: 0;
      }
      .why {
        margin-left: auto;
        min-height: 22px;
        padding: 0 8px;
        font-size: 0.8em;
        flex: none;
      }
      .empty {
        padding: 12px;
        text-align: center;
      }
    `]);var to=n=>{let e=s=>typeof s=="string"?s:s.toISOString(),t=new URLSearchParams({start:e(n.start),end:e(n.end),format:n.format});return n.entityIds?.length&&t.set("entity_id",n.entityIds.join(",")),`/api/audit_trail/export?${t.toString()}`},eo=(n,e)=>(n?/filename="?([^";]+)"?/i.exec(n):null)?.[1]??e,Rt=class extends Error{constructor(t){super(`export failed: HTTP ${t}`);f(this,"status",t)}},br=async(n,e)=>{let t=to(e),s=n.fetchWithAuth?await n.fetchWithAuth(t):await fetch(n.hassUrl?n.hassUrl(t):t,{headers:{Authorization:`Bearer ${n.auth?.data.access_token??""}`}});if(!s.ok)throw new Rt(s.status);return{blob:await s.blob(),filename:eo(s.headers.get("Content-Disposition"),`audit-trail.${e.format}`),sha256:s.headers.get("X-Audit-Trail-SHA256")}};var xr=864e5,so=async n=>{if(!globalThis.crypto?.subtle)return null;let e=await crypto.subtle.digest("SHA-256",await n.arrayBuffer());return[...new Uint8Array(e)].map(t=>t.toString(16).padStart(2,"0")).join("")},wr,$r,kr,_r,Sr,Ar,Er,Cr,Mr,Tr,Rr,x,ls,ds,us,ps,hs,ms,fs,gs,ys,vs,T=class extends(Rr=S,Tr=[b({attribute:!1})],Mr=[b({attribute:!1})],Cr=[b({type:Number})],Er=[b({attribute:!1})],Ar=[_()],Sr=[_()],_r=[_()],kr=[_()],$r=[_()],wr=[_()],Rr){constructor(){super(...arguments);y(this,ls,d(x,8,this)),d(x,11,this);y(this,ds,d(x,12,this,[])),d(x,15,this);y(this,us,d(x,16,this,Date.now()-xr)),d(x,19,this);y(this,ps,d(x,20,this,null)),d(x,23,this);y(this,hs,d(x,24,this,null)),d(x,27,this);y(this,ms,d(x,28,this,[Date.now()-xr,Date.now()])),d(x,31,this);y(this,fs,d(x,32,this,null)),d(x,35,this);y(this,gs,d(x,36,this,null)),d(x,39,this);y(this,ys,d(x,40,this,"jsonl")),d(x,43,this);y(this,vs,d(x,44,this,null)),d(x,47,this)}async runDiff(){try{this.diff=await wn(this.ctx.hass,new Date(this.diffAt[0]),new Date(this.diffAt[1]),this.entityIds.length?this.entityIds:void 0)}catch(t){this.message=O(t)}}async runVerify(){this.verify="running";try{this.verify=await $n(this.ctx.hass)}catch(t){this.verify=null,this.message=O(t)}}async runExport(){let t=this.ctx.t;try{let s=this.to??Date.now(),r=await br(this.ctx.hass,{start:new Date(this.from),end:new Date(s),format:this.format,entityIds:this.entityIds}),i=await so(r.blob);this.exported={file:r.filename,sha:r.sha256,matches:i===null||r.sha256===null?null:i===r.sha256.toLowerCase()};let o=URL.createObjectURL(r.blob),a=document.createElement("a");a.href=o,a.download=r.filename,a.click(),setTimeout(()=>URL.revokeObjectURL(o),1e4)}catch(s){this.message=s instanceof Rt?t("panel.export_failed",{status:s.status}):O(s)}}diffSection(){let t=this.ctx,s=Object.entries(this.diff?.changes??{});return u`<section>
      <h2>${t.t("panel.diff")}</h2>
      <div class="row">
        ${gt(t,this.diffAt[0],r=>this.diffAt=[r??this.diffAt[0],this.diffAt[1]],t.t("panel.from"))}
        ${gt(t,this.diffAt[1],r=>this.diffAt=[this.diffAt[0],r??this.diffAt[1]],t.t("panel.to"))}
        <button @click=${()=>{this.runDiff()}}>${t.t("panel.diff_run")}</button>
      </div>
      ${this.diff&&!s.length?u`<p class="muted">${t.t("panel.diff_none")}</p>`:m}
      ${s.length?u`<table>
              <tbody>
                ${s.map(([r,i])=>u`<tr>
                      <td>${t.name(r)}</td>
                      <td>
                        ${t.state(r,i.before?.state??null)} → ${t.state(r,i.after?.state??null)}
                      </td>
                      <td class="muted">${t.t("panel.diff_transitions",{count:i.transitions})}</td>
                    </tr>`)}
              </tbody>
            </table>`:m}
    </section>`}toolsSection(){let t=this.ctx,s=this.verify;return u`<section>
      <h2>${t.t("panel.verify")}</h2>
      <button @click=${()=>{this.runVerify()}} ?disabled=${s==="running"}>
        ${t.t("panel.verify")}
      </button>
      ${s==="running"?u`<span class="muted">${t.t("card.loading")}</span>`:m}
      ${s&&s!=="running"?s.ok?u`<p class="ok">✓ ${t.t("panel.verify_ok",{checked:s.checked})}</p>`:u`<p class="error" role="alert">
                ⚠
                ${t.t("panel.verify_bad",{seq:s.first_bad_seq??"?",reason:s.reason??"",checked:s.checked})}
              </p>`:m}
      <h2>${t.t("panel.export")}</h2>
      <div class="row">
        <select
          @change=${r=>this.format=r.target.value}
        >
          <option value="jsonl" ?selected=${this.format==="jsonl"}>JSON Lines</option>
          <option value="csv" ?selected=${this.format==="csv"}>CSV</option>
        </select>
        <button @click=${()=>{this.runExport()}} ?disabled=${!this.entityIds.length}>
          ${t.t("panel.export")}
        </button>
      </div>
      ${this.exported?u`<p class="sha">
              ${t.t("panel.export_sha",{file:this.exported.file,sha:this.exported.sha??"—"})}
              ${this.exported.matches===!0?u`<span class="ok">✓</span>`:this.exported.matches===!1?u`<span class="error" title=${t.t("panel.export_sha_mismatch")}>≠ ${t.t("panel.export_sha_mismatch")}</span>`:m}
            </p>`:m}
    </section>`}render(){return this.ctx?u`${this.message?u`<p class="error">${this.message}</p>`:m} ${this.diffSection()}
    ${this.toolsSection()}`:m}};x=D(Rr),ls=new WeakMap,ds=new WeakMap,us=new WeakMap,ps=new WeakMap,hs=new WeakMap,ms=new WeakMap,fs=new WeakMap,gs=new WeakMap,ys=new WeakMap,vs=new WeakMap,g(x,4,"ctx",Tr,T,ls),g(x,4,"entityIds",Mr,T,ds),g(x,4,"from",Cr,T,us),g(x,4,"to",Er,T,ps),g(x,4,"diff",Ar,T,hs),g(x,4,"diffAt",Sr,T,ms),g(x,4,"verify",_r,T,fs),g(x,4,"exported",kr,T,gs),g(x,4,"format",$r,T,ys),g(x,4,"message",wr,T,vs),L(x,T),f(T,"styles",[H,te,M`
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
    `]);var oe={prev:"M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z",next:"M16,18H18V6H16M6,18L14.5,12L6,6V18Z",play:"M8,5.14V19.14L19,12.14L8,5.14Z",pause:"M14,19H18V5H14M6,19H10V5H6V19Z"},ae=n=>Et`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d=${n}></path></svg>`,Lr,Pr,Dr,Hr,Ir,Ur,R,bs,xs,ws,$s,ks,j=class extends(Ur=S,Ir=[b({attribute:!1})],Hr=[b({type:Number})],Dr=[b({type:Boolean})],Pr=[b({type:Boolean})],Lr=[b({type:Number})],Ur){constructor(){super(...arguments);y(this,bs,d(R,8,this)),d(R,11,this);y(this,xs,d(R,12,this,0)),d(R,15,this);y(this,ws,d(R,16,this,!1)),d(R,19,this);y(this,$s,d(R,20,this,!0)),d(R,23,this);y(this,ks,d(R,24,this,1)),d(R,27,this)}act(t,s){this.dispatchEvent(new CustomEvent("replay",{detail:{action:t,value:s},bubbles:!0,composed:!0}))}onJump(t){let s=t.target,r=Gt(s.value,this.ctx.fmt.timeZone);if(Number.isNaN(r)){s.setCustomValidity(this.ctx.t("replay.jump")),s.reportValidity();return}s.setCustomValidity(""),this.act("jump",r)}render(){if(!this.ctx)return m;let t=this.ctx.t;return u`
      <button @click=${()=>this.act("prev")} aria-label=${t("replay.prev")} title=${t("replay.prev")}>
        ${ae(oe.prev)}
      </button>
      ${this.playing?u`<button
              @click=${()=>this.act("pause")}
              aria-label=${t("replay.pause")}
              title=${t("replay.pause")}
            >
              ${ae(oe.pause)}
            </button>`:u`<button
              @click=${()=>this.act("play")}
              aria-label=${t("replay.play")}
              title=${t("replay.play")}
            >
              ${ae(oe.play)}
            </button>`}
      <button @click=${()=>this.act("next")} aria-label=${t("replay.next")} title=${t("replay.next")}>
        ${ae(oe.next)}
      </button>
      <select
        aria-label=${t("replay.speed")}
        title=${t("replay.speed")}
        @change=${s=>this.act("speed",Number(s.target.value))}
      >
        ${Ln.map(s=>u`<option value=${s} ?selected=${s===this.speed}>${s}×</option>`)}
      </select>
      <button
        class="live ${this.live?"on":""}"
        @click=${()=>this.act("live")}
        aria-pressed=${this.live?"true":"false"}
      >
        ● ${t("card.live")}
      </button>
      <span class="at" aria-live="polite">${this.live?"":W(this.cursor,this.ctx.fmt)}</span>
      <input
        type="datetime-local"
        step="1"
        aria-label=${t("replay.jump")}
        title=${t("replay.jump")}
        .value=${Yt(this.cursor,this.ctx.fmt.timeZone)}
        @change=${this.onJump}
      />
    `}};R=D(Ur),bs=new WeakMap,xs=new WeakMap,ws=new WeakMap,$s=new WeakMap,ks=new WeakMap,g(R,4,"ctx",Ir,j,bs),g(R,4,"cursor",Hr,j,xs),g(R,4,"playing",Dr,j,ws),g(R,4,"live",Pr,j,$s),g(R,4,"speed",Lr,j,ks),L(R,j),f(j,"styles",[H,M`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
      }
      button {
        min-width: 36px;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 4px;
      }
      .live.on {
        color: var(--success-color, var(--primary-color));
        border-color: currentColor;
      }
      .at {
        font-size: 0.85em;
        color: var(--secondary-text-color);
        flex: 1 1 auto;
        min-width: 0;
      }
      input[type="datetime-local"] {
        flex: 0 1 235px;
        min-width: 0;
      }
    `]);var no={},Lt=ie(class extends yt{constructor(){super(...arguments),this.ot=no}render(n,e){return e()}update(n,[e,t]){if(Array.isArray(e)){if(Array.isArray(this.ot)&&this.ot.length===e.length&&e.every((s,r)=>s===this.ot[r]))return P}else if(this.ot===e)return P;return this.ot=Array.isArray(e)?Array.from(e):e,this.render(e,t)}});var qr=(n,e)=>{let t=[];for(let s of[...n].sort((r,i)=>r.time-i.time||r.seq-i.seq)){let r=t[t.length-1];if(r&&s.time-r.time<e){let i=r.kind==="state"||s.kind==="state"?"state":s.kind;t[t.length-1]={...s,kind:i,count:r.count+s.count,time:r.time}}else t.push({...s})}return t};var ro=n=>n==="gap"||n==="unrecorded",io=(n,e,t,s)=>{let r=n[e],i=-1,o=0;for(let c=e;c<t;c++){let l=n[c],{kind:p,reason:h}=l.seg;if(ro(p))return{x0:s,x1:s+1,kind:p,state:null,count:0,reason:h};let $=Math.min(s+1,l.b)-Math.max(s,l.a);$>i&&([r,i]=[l,$]),p==="dense"&&(o+=l.seg.count??1)}let a=t-e-1;return a>=2||r.seg.kind==="dense"?{x0:s,x1:s+1,kind:"dense",state:n[t-1].seg.state,count:o+a}:{x0:s,x1:s+1,kind:r.seg.kind,state:r.seg.state,count:0}},oo=(n,e)=>{let t=n[n.length-1];t&&t.x1===e.x0&&t.kind===e.kind&&t.state===e.state&&t.reason===e.reason?(t.x1=e.x1,t.count+=e.count):n.push(e)},Or=(n,e,t,s)=>{let r=Math.max(0,Math.round(s));if(!r||t<=e)return[];let i=r/(t-e),o=[];for(let l of n){let p=Math.max(0,(l.start-e)*i),h=Math.min(r,(l.end-e)*i);h>p&&o.push({a:p,b:h,seg:l})}let a=[],c=0;for(let l=0;l<r;l++){for(;c<o.length&&o[c].b<=l;)c++;if(c>=o.length)break;if(o[c].a>=l+1){l=Math.floor(o[c].a)-1;continue}let p=c+1;for(;p<o.length&&o[p].a<l+1;)p++;oo(a,io(o,c,p,l))}return a};var Pt=22,Vr=12,Nr=(n,e,t,s,r)=>{let i=new Map,o=(c,l,p)=>{let h=`M${l.x0} 0h${l.x1-l.x0}v${Pt}h${l.x0-l.x1}z`,$=i.get(c);$?$.d+=h:i.set(c,{d:h,title:p})};for(let c of n)c.kind==="gap"||c.kind==="unrecorded"?o(c.kind,c,r(c)):c.kind!=="none"&&o(`s:${c.state}`,c,e.state(t,c.state)),c.kind==="dense"&&o("dense",c,r(c));let a=[...i].map(([c,l])=>{let p=c.startsWith("s:");return Et`<path class=${p?"fill":c} style=${p?`fill:${e.color(t,c.slice(2))}`:""} d=${l.d}><title>${l.title}</title></path>`});return u`<svg class="draw" viewBox="0 0 ${Math.max(1,s)} ${Pt}" preserveAspectRatio="none">
    ${a}
  </svg>`},ao=n=>{let e=n.kind==="note"?"note":n.kind==="attributes"||n.kind==="bucket"?"small":"big";return n.cause.confidence==="low"||n.cause.kind==="unobserved"?`${e} warn`:e},co=(n,e)=>{let t=Vr/2;if(n.startsWith("note"))return`M${e-4} ${t-4}h8v8h-8z`;let s=n.startsWith("small")?2:4;return`M${e-s} ${t}a${s} ${s} 0 1 0 ${2*s} 0a${s} ${s} 0 1 0 ${-2*s} 0`},jr=(n,e,t,s)=>{let r=t>e?s/(t-e):0,i=new Map;for(let a of n){let c=ao(a);i.set(c,(i.get(c)??"")+co(c,(a.time-e)*r))}let o=[...i].map(([a,c])=>Et`<path class="dots ${a}" d=${c}></path>`);return u`<svg class="marks" viewBox="0 0 ${Math.max(1,s)} ${Vr}" aria-hidden="true">
    ${o}
  </svg>`},Br=(n,e,t,s,r,i=6)=>{let o=t>e?s/(t-e):0,a=-1,c=i;for(let l=0;l<n.length;l++){let p=Math.abs((n[l].time-e)*o-r);p<=c&&([a,c]=[l,p])}return a};var zr=M`
  :host {
    display: block;
    position: relative;
  }
  .tracks {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0;
    touch-action: pan-y;
    cursor: crosshair;
    outline: none;
  }
  .tracks:focus-visible {
    outline: 2px solid var(--primary-color);
  }
  .track {
    position: relative;
    contain: layout style;
    /* Each lane's drawing on a layer of its own: rastered once per redraw, so the heads a seek
       rewrites never make the hatched paths beside them raster again. */
    will-change: transform;
    height: 22px;
    background: var(--secondary-background-color);
    border-radius: 3px;
  }
  .draw {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
  }
  .defs {
    position: absolute;
    width: 0;
    height: 0;
  }
  path.dense {
    fill: url(#at-dense);
  }
  path.gap {
    fill: url(#at-gap);
    stroke: var(--error-color);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }
  .gapline {
    fill: var(--divider-color);
  }
  /* Not recorded yet: neutral, finer and the other way than a gap's hatch, no red edge. */
  path.unrecorded {
    fill: url(#at-unrecorded);
  }
  .unrecline {
    fill: var(--secondary-text-color);
    opacity: 0.35;
  }
  .marks {
    position: absolute;
    left: 0;
    top: -6px; /* half of MARKS_H: centred on the top edge */
    width: 100%;
    height: 12px; /* MARKS_H */
    overflow: visible;
    pointer-events: none;
  }
  .dots {
    fill: var(--primary-text-color);
    stroke: var(--card-background-color, var(--primary-background-color));
    stroke-width: 2px;
    pointer-events: visiblePainted;
    cursor: pointer;
  }
  .dots.small {
    fill: var(--secondary-text-color);
    stroke-width: 1px;
  }
  .dots.note {
    fill: var(--info-color, var(--primary-color));
  }
  .dots.warn {
    fill: var(--warning-color);
  }
  /* The lane's focusable mark sits on a drawn one: invisible until it has the keyboard. */
  .mark.focus {
    position: absolute;
    top: -6px;
    width: 12px;
    height: 12px;
    min-height: 0;
    margin-left: -6px;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: transparent;
  }
  .mark.focus:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 1px;
  }
  .cursor {
    position: absolute;
    left: 0;
    will-change: transform;
    top: 0;
    bottom: -4px;
    width: 2px;
    margin-left: -1px;
    background: var(--primary-color);
    pointer-events: none;
  }
  .cursor.live {
    background: var(--success-color, var(--primary-color));
  }
  .axis {
    position: relative;
    height: 18px;
    margin-top: 2px;
    font-size: 11px;
    color: var(--secondary-text-color);
    overflow: hidden;
  }
  .axis span {
    position: absolute;
    white-space: nowrap;
  }
  .head {
    height: 28px;
    /* A seek rewrites every head's text: its own box, so that lays out no more than the head. */
    contain: strict;
    /* And a layer of its own: its new text rasters alone, not the lanes around it. */
    will-change: transform;
    margin-top: 4px;
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: 0.9em;
    overflow: hidden;
    white-space: nowrap;
    cursor: default;
  }
  .head .name {
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
    flex: 0 0 auto;
    max-width: 45%;
  }
  .head .chip {
    flex: 0 1 auto;
    min-width: 0;
  }
  /* The duration is last and never cut: the cause chip gives way (ellipsis) instead. */
  .head .since {
    flex: 0 0 auto;
  }
  .head .state {
    font-weight: 500;
  }
  .gapnote {
    color: var(--warning-color);
  }
`;var lo=7,uo=(n,e,t)=>{if(t<=0||e<=n)return[n,e];let s=(e-n)/t,r=2**Math.ceil(Math.log2(s));return[Math.floor(n/r)*r,Math.ceil(e/r)*r]},Fr,Wr,Kr,Zr,Yr,Gr,Jr,Qr,Xr,w,_s,Ss,As,Es,Cs,Ms,Ts,Rs,I=class extends(Xr=S,Qr=[b({attribute:!1})],Jr=[b({attribute:!1})],Gr=[b({type:Number})],Yr=[b({type:Number})],Zr=[b({type:Number})],Kr=[b({type:Boolean})],Wr=[b({type:Boolean})],Fr=[b({attribute:!1})],Xr){constructor(){super(...arguments);y(this,_s,d(w,8,this)),d(w,11,this);y(this,Ss,d(w,12,this,[])),d(w,15,this);y(this,As,d(w,16,this,0)),d(w,19,this);y(this,Es,d(w,20,this,0)),d(w,23,this);y(this,Cs,d(w,24,this,0)),d(w,27,this);y(this,Ms,d(w,28,this,!0)),d(w,31,this);y(this,Ts,d(w,32,this,!1)),d(w,35,this);y(this,Rs,d(w,36,this,new Map)),d(w,39,this);f(this,"width",0);f(this,"observer");f(this,"dragging",!1);f(this,"clusters",new Map);f(this,"focused",new Map);f(this,"view",[0,0])}connectedCallback(){super.connectedCallback(),this.observer=new ResizeObserver(t=>{let s=Math.round(t[0]?.contentRect.width??0);s&&Math.abs(s-this.width)>1&&(this.width=s,this.dispatchEvent(new CustomEvent("width-changed",{detail:{width:s},bubbles:!0,composed:!0})),this.requestUpdate())})}disconnectedCallback(){super.disconnectedCallback(),this.observer?.disconnect()}firstUpdated(t){let s=this.renderRoot.querySelector(".tracks");s&&this.observer?.observe(s)}inWindow(t){return t[0]&&t[0].time>=this.start?t:t.filter(s=>s.time>=this.start)}pct(t){let[s,r]=this.view,i=r-s;return i>0?Math.min(100,Math.max(0,(t-s)/i*100)):0}timeAt(t){let s=this.renderRoot.querySelector(".tracks").getBoundingClientRect(),r=Math.min(1,Math.max(0,(t-s.left)/Math.max(1,s.width))),[i,o]=this.view;return i+r*(o-i)}emit(t,s){this.dispatchEvent(new CustomEvent(t,{detail:s,bubbles:!0,composed:!0}))}onPointer(t,s){let r=t.target;if(!r.closest(".mark")&&!(s==="down"&&this.pressMark(t))){if(s==="down"){if(!r.closest(".track"))return;this.dragging=!0,t.currentTarget.setPointerCapture?.(t.pointerId)}this.dragging&&(s==="up"&&(this.dragging=!1),this.emit("cursor-set",{t:this.timeAt(t.clientX)}))}}onKey(t){let r={ArrowLeft:()=>this.emit("cursor-step",{dir:-1}),ArrowRight:()=>this.emit("cursor-step",{dir:1}),Home:()=>this.emit("cursor-set",{t:this.start}),End:()=>this.emit("cursor-set",{t:this.end})}[t.key];r&&t.target.classList.contains("tracks")&&(t.preventDefault(),r())}runTitle(t,s){let r=this.ctx;return s.kind==="gap"?r.t("card.not_recorded",{reason:r.t(`gap.${s.reason??"unknown"}`)}):s.kind==="unrecorded"?r.t("card.not_recorded_yet"):s.kind==="dense"?`${r.t("card.dense",{count:s.count})} → ${r.state(t.entityId,s.state)}`:r.state(t.entityId,s.state)}clustered(t){let[s,r]=this.view,i=[t.marks,s,r,this.width],o=this.clusters.get(t.entityId);if(o&&o.key.every((l,p)=>l===i[p]))return o.marks;let a=this.width?(r-s)/this.width*lo:0,c=qr(this.inWindow(t.marks),a);return this.clusters.set(t.entityId,{key:i,marks:c}),c}track(t){let[s,r]=this.view,i=this.width,o=this.clustered(t);return Lt([t.segments,o,s,r,i,this.growing,this.ctx],()=>{if(!i)return m;let a=this.growing?po(t,r):t.segments,c=Or(a,s,r,i);return u`${Nr(c,this.ctx,t.entityId,i,l=>this.runTitle(t,l))}
      ${jr(o,s,r,i)}`})}focusMark(t){let s=this.clustered(t);if(!s.length)return m;let r=Math.min(s.length-1,Math.max(0,this.focused.get(t.entityId)??s.length-1)),i=s[r],o=this.ctx,a=`${Zt(i.time,o.fmt)} ${o.name(t.entityId)}${i.count>1?` (${o.t("card.dense",{count:i.count})})`:""}`,c=l=>{let p={ArrowLeft:r-1,ArrowRight:r+1,Home:0,End:s.length-1}[l.key];p!==void 0&&(l.preventDefault(),l.stopPropagation(),this.focused.set(t.entityId,Math.min(s.length-1,Math.max(0,p))),this.requestUpdate())};return u`<button
      class="mark focus"
      style="left:${this.pct(i.time)}%"
      aria-label=${a}
      title=${a}
      @keydown=${c}
      @click=${()=>this.select(i)}
    ></button>`}cursorStyle(){let t=this.pct(this.cursor);return this.width?`transform:translateX(${t/100*this.width}px)`:`left:${t}%`}select(t){this.emit("mark-select",{seq:t.seq,event:t.count===1?t.event??null:null})}pressMark(t){let s=t.target;if(!s.classList?.contains("dots"))return!1;let r=s.closest(".track"),i=this.lanes.find(h=>h.entityId===r?.dataset.entity);if(!r||!i)return!1;let o=this.clustered(i),[a,c]=this.view,l=t.clientX-r.getBoundingClientRect().left,p=Br(o,a,c,this.width,l);return p<0?!1:(this.focused.set(i.entityId,p),this.select(o[p]),this.requestUpdate(),!0)}laneInfo(t){let s=this.ctx,r=this.info.get(t.entityId);if(!r||r.kind==="ask")return u`<span class="muted">…</span>`;if(r.kind==="unrecorded")return u`<span class="muted">${s.t("card.not_recorded_yet")}</span>`;if(r.kind==="gap")return u`<span class="gapnote"
        >${s.t("card.not_recorded",{reason:s.t(`gap.${r.reason}`)})}</span
      >`;let i=r.kind==="server"?r.state?.state??null:r.state,o=r.kind==="server"?r.state?Date.parse(r.state.last_changed):null:r.since,a=r.kind==="server"?r.state?.cause:r.cause,c=r.kind==="state"&&r.approx,l=t.entityId;return u`${Lt([i,s],()=>u`<span class="swatch" style="background:${s.color(l,i)}"></span>
          <span class="state">${s.state(l,i)}</span>`)}
    ${Lt([a?JSON.stringify(a):"",i===null,s],()=>a&&i!==null?Y(a,s):m)}
    ${o!==null&&i!==null?u`<span class="muted since"
            >${s.t(c?"card.state_for_approx":"card.state_for",{duration:fn(this.cursor-o)})}</span
          >`:m}`}tick(t,s){let r=this.pct(t),i=r<8?"0":r>92?"-100%":"-50%",o=`${s?`${mn(t,this.ctx.fmt)} `:""}${Zt(t,this.ctx.fmt,!1)}`;return u`<span style="left:${r}%;transform:translateX(${i})">${o}</span>`}axis(){let[t,s]=this.view;return Lt([t,s,this.width,this.ctx],()=>{let r=gn(t,s,Math.max(2,Math.floor((this.width||300)/80)),this.ctx.fmt.timeZone),i=s-t>36*36e5;return r.map(o=>this.tick(o,i))})}render(){if(!this.ctx)return m;this.view=uo(this.start,this.end,this.width);let[t,s]=this.view;return u`
      <div
        class="tracks"
        tabindex="0"
        role="slider"
        aria-label=${this.ctx.t("replay.cursor")}
        aria-valuemin=${t}
        aria-valuemax=${s}
        aria-valuenow=${Math.round(this.cursor)}
        aria-valuetext=${Zt(this.cursor,this.ctx.fmt)}
        @pointerdown=${r=>this.onPointer(r,"down")}
        @pointermove=${r=>this.onPointer(r,"move")}
        @pointerup=${r=>this.onPointer(r,"up")}
        @keydown=${this.onKey}
      >
        ${this.lanes.map(r=>u`<div class="head">
                <span class="name">${this.ctx.name(r.entityId)}</span>${this.laneInfo(r)}
              </div>
              <div class="track" data-entity=${r.entityId}>
                ${this.track(r)}${this.focusMark(r)}
              </div>`)}
        <div class="cursor ${this.live?"live":""}" style=${this.cursorStyle()}></div>
      </div>
      <svg class="defs" aria-hidden="true">
        <defs>
          <pattern id="at-dense" width="3" height="${Pt}" patternUnits="userSpaceOnUse">
            <rect x="2" width="1" height="${Pt}" fill="rgba(0,0,0,0.25)"></rect>
          </pattern>
          <pattern
            id="at-gap"
            width="7"
            height="7"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="3" height="7" class="gapline"></rect>
          </pattern>
          <pattern
            id="at-unrecorded"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(-45)"
          >
            <rect width="1.5" height="6" class="unrecline"></rect>
          </pattern>
        </defs>
      </svg>
      <div class="axis">${this.axis()}</div>
    `}};w=D(Xr),_s=new WeakMap,Ss=new WeakMap,As=new WeakMap,Es=new WeakMap,Cs=new WeakMap,Ms=new WeakMap,Ts=new WeakMap,Rs=new WeakMap,g(w,4,"ctx",Qr,I,_s),g(w,4,"lanes",Jr,I,Ss),g(w,4,"start",Gr,I,As),g(w,4,"end",Yr,I,Es),g(w,4,"cursor",Zr,I,Cs),g(w,4,"live",Kr,I,Ms),g(w,4,"growing",Wr,I,Ts),g(w,4,"info",Fr,I,Rs),L(w,I),f(I,"styles",[H,zr]);var po=(n,e)=>{let t=n.segments[n.segments.length-1];return!t||t.kind==="gap"||t.end<n.end||e<=t.end?n.segments:[...n.segments.slice(0,-1),{...t,end:e}]};var ti,ei,si,ct,Ls,Ps,J=class extends(si=S,ei=[b({attribute:!1})],ti=[b({attribute:!1})],si){constructor(){super(...arguments);y(this,Ls,d(ct,8,this)),d(ct,11,this);y(this,Ps,d(ct,12,this,null)),d(ct,15,this)}updated(t){if(!t.has("selection"))return;let s=this.renderRoot.querySelector("dialog");s&&(this.selection&&!s.open&&(s.showModal?s.showModal():s.setAttribute("open","")),!this.selection&&s.open&&s.close?.())}emit(t,s){this.dispatchEvent(new CustomEvent(t,{detail:s,bubbles:!0,composed:!0}))}hop(t){let s=this.ctx;switch(t.hop){case"state_change":return u`<li class="hop change">
          <div><b>${t.entity_id?s.name(t.entity_id):t.event_type}</b> ${Tt(t,s)}</div>
          <div class="muted">${W(Date.parse(t.time),s.fmt)}</div>
          <div>${Y(t.cause,s,!0)}</div>
        </li>`;case"automation_run":case"script_run":{let r=t.run_id?this.selection?.links[t.run_id]:void 0;return u`<li class="hop run">
          <div>${s.t("why.run",{name:t.name??it(s.hass.states,t.entity_id)})}</div>
          ${t.trigger?u`<div class="muted">${t.trigger}</div>`:m}
          ${t.service?u`<div class="muted">${t.service}</div>`:m}
          ${r?.kind==="link"?u`<a href=${r.url} @click=${i=>this.navigate(i,r.url)}>${s.t("why.trace_link")}</a>`:m}
          ${r?.kind==="gone"?u`<div class="muted">${s.t("why.trace_gone")}</div>`:m}
        </li>`}case"action_call":return u`<li class="hop action">${s.t("why.action",{service:t.service})}</li>`;case"user":{let r=qe(s.hass.states,t.user_id);return u`<li class="hop user">
          ${r?u`<img class="avatar" src=${r} alt="" />`:m}
          ${s.t("why.user",{name:t.user_name??s.t("cause.unknown_user")})}
        </li>`}case"device":{let r=t.device_id?s.hass.devices?.[t.device_id]:void 0;return u`<li class="hop device">
          ${s.t("why.device",{name:r?.name_by_user??r?.name??t.platform??""})}
        </li>`}}}navigate(t,s){t.preventDefault(),history.pushState(null,"",s),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1}})),this.emit("closed")}render(){if(!this.ctx)return m;let t=this.ctx,s=this.selection,r=s?.event;return u`<dialog
      @close=${()=>this.emit("closed")}
      @cancel=${()=>this.emit("closed")}
      aria-labelledby="title"
    >
      ${s?u`
              <div class="top">
                <h2 id="title">${r?.entity_id?t.name(r.entity_id):t.t("why.title")}</h2>
                <button @click=${()=>this.emit("closed")} aria-label=${t.t("common.close")}>✕</button>
              </div>
              ${r?u`<div class="what">${Tt(r,t)}</div>
                      <div class="muted">${W(Date.parse(r.time),t.fmt)} · #${r.seq}</div>
                      <div class="cause">${Y(r.cause,t,!0)}</div>`:m}
              ${s.error?u`<p class="error">${s.error}</p>`:m}
              ${s.loading?u`<p class="muted">${t.t("why.loading")}</p>`:m}
              ${!s.trace&&!s.loading?u`<button class="primary" @click=${()=>this.emit("why-load",{seq:s.seq})}>
                      ${t.t("why.open")}
                    </button>`:m}
              ${s.trace?u`<h3>${t.t("why.title")}</h3>
                      <ol class="chain">
                        ${s.trace.hops.map(i=>this.hop(i))}
                      </ol>
                      <div class="root">
                        <span class="muted">${t.t("why.root")}:</span> ${Y(s.trace.root,t,!0)}
                      </div>`:m}
            `:m}
    </dialog>`}};ct=D(si),Ls=new WeakMap,Ps=new WeakMap,g(ct,4,"ctx",ei,J,Ls),g(ct,4,"selection",ti,J,Ps),L(ct,J),f(J,"styles",[H,M`
      dialog {
        background: var(--card-background-color, var(--primary-background-color));
        color: var(--primary-text-color);
        border: 1px solid var(--divider-color);
        border-radius: 12px;
        width: min(520px, calc(100vw - 24px));
        max-height: calc(100vh - 48px);
        box-sizing: border-box;
        padding: 16px;
      }
      dialog::backdrop {
        background: rgba(0, 0, 0, 0.4);
      }
      .top {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
      }
      h2 {
        margin: 0;
        font-size: 1.2em;
      }
      h3 {
        margin: 16px 0 4px;
        font-size: 1em;
      }
      .what {
        font-size: 1.05em;
        margin-top: 8px;
      }
      .cause {
        margin-top: 6px;
      }
      .chain {
        list-style: none;
        padding: 0;
        margin: 0;
        border-left: 2px solid var(--divider-color);
      }
      .hop {
        padding: 6px 0 6px 12px;
        position: relative;
      }
      .hop::before {
        content: "";
        position: absolute;
        left: -6px;
        top: 12px;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--primary-color);
      }
      .hop.run::before {
        background: var(--accent-color);
      }
      .hop.user {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .root {
        margin-top: 8px;
      }
      a {
        color: var(--primary-color);
      }
      .primary {
        margin-top: 10px;
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border: none;
      }
    `]);var ho=[["audit-trail-timeline",I],["audit-trail-change-list",V],["audit-trail-replay-bar",j],["audit-trail-why-dialog",J],["audit-trail-panel-tools",T],[pt,G],["audit-trail-panel",A]],ni=n=>{for(let[e,t]of ho)n.get(e)||n.define(e,t)},ce=window.customElements;ni(ce);ce.get("home-assistant")||ce.whenDefined("home-assistant").then(()=>{window.customElements!==ce&&ni(window.customElements)});var le=window;le.customCards=le.customCards??[];if(!le.customCards.some(n=>n.type===pt)){let n=nt();le.customCards.push({type:pt,name:n("card.name"),description:n("card.description"),preview:!0,getEntitySuggestion:Yn})}
