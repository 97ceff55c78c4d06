var Ui=Object.create;var Qt=Object.defineProperty;var qi=Object.getOwnPropertyDescriptor;var _s=(r,s)=>(s=Symbol[r])?s:Symbol.for("Symbol."+r),ct=r=>{throw TypeError(r)};var ks=(r,s,t)=>s in r?Qt(r,s,{enumerable:!0,configurable:!0,writable:!0,value:t}):r[s]=t;var xs=(r,s)=>Qt(r,"name",{value:s,configurable:!0});var R=r=>[,,,Ui(r?.[_s("metadata")]??null)],Es=["class","method","getter","setter","accessor","field","value","get","set"],yt=r=>r!==void 0&&typeof r!="function"?ct("Function expected"):r,Oi=(r,s,t,e,i)=>({kind:Es[r],name:s,metadata:e,addInitializer:n=>t._?ct("Already initialized"):i.push(yt(n||null))}),T=(r,s)=>ks(s,_s("metadata"),r[3]),c=(r,s,t,e)=>{for(var i=0,n=r[s>>1],o=n&&n.length;i<o;i++)s&1?n[i].call(t):e=n[i].call(t,e);return e},f=(r,s,t,e,i,n)=>{var o,a,l,h,p,m=s&7,I=!!(s&8),k=!!(s&16),W=m>3?r.length+1:m?I?1:2:0,vs=Es[m+5],bs=m>3&&(r[W-1]=[]),Di=r[W]||(r[W]=[]),q=m&&(!k&&!I&&(i=i.prototype),m<5&&(m>3||!k)&&qi(m<4?i:{get[t](){return $s(this,n)},set[t](P){return ws(this,n,P)}},t));m?k&&m<4&&xs(n,(m>2?"set ":m>1?"get ":"")+t):xs(i,t);for(var Yt=e.length-1;Yt>=0;Yt--)h=Oi(m,t,l={},r[3],Di),m&&(h.static=I,h.private=k,p=h.access={has:k?P=>Ni(i,P):P=>t in P},m^3&&(p.get=k?P=>(m^1?$s:Vi)(P,i,m^4?n:q.get):P=>P[t]),m>2&&(p.set=k?(P,Gt)=>ws(P,i,Gt,m^4?n:q.set):(P,Gt)=>P[t]=Gt)),a=(0,e[Yt])(m?m<4?k?n:q[vs]:m>4?void 0:{get:q.get,set:q.set}:i,h),l._=1,m^4||a===void 0?yt(a)&&(m>4?bs.unshift(a):m?k?n=a:q[vs]=a:i=a):typeof a!="object"||a===null?ct("Object expected"):(yt(o=a.get)&&(q.get=o),yt(o=a.set)&&(q.set=o),yt(o=a.init)&&bs.unshift(o));return m||T(r,i),q&&Qt(i,t,q),k?m^4?n:q:i},y=(r,s,t)=>ks(r,typeof s!="symbol"?s+"":s,t),Jt=(r,s,t)=>s.has(r)||ct("Cannot "+t),Ni=(r,s)=>Object(s)!==s?ct('Cannot use the "in" operator on this value'):r.has(s),$s=(r,s,t)=>(Jt(r,s,"read from private field"),t?t.call(r):s.get(r)),g=(r,s,t)=>s.has(r)?ct("Cannot add the same private member more than once"):s instanceof WeakSet?s.add(r):s.set(r,t),ws=(r,s,t,e)=>(Jt(r,s,"write to private field"),e?e.call(r,t):s.set(r,t),t),Vi=(r,s,t)=>(Jt(r,s,"access private method"),t);var Ct=globalThis,Mt=Ct.ShadowRoot&&(Ct.ShadyCSS===void 0||Ct.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Xt=Symbol(),Ss=new WeakMap,vt=class{constructor(s,t,e){if(this._$cssResult$=!0,e!==Xt)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=s,this.t=t}get styleSheet(){let s=this.o,t=this.t;if(Mt&&s===void 0){let e=t!==void 0&&t.length===1;e&&(s=Ss.get(t)),s===void 0&&((this.o=s=new CSSStyleSheet).replaceSync(this.cssText),e&&Ss.set(t,s))}return s}toString(){return this.cssText}},As=r=>new vt(typeof r=="string"?r:r+"",void 0,Xt),A=(r,...s)=>{let t=r.length===1?r[0]:s.reduce((e,i,n)=>e+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+r[n+1],r[0]);return new vt(t,r,Xt)},Cs=(r,s)=>{if(Mt)r.adoptedStyleSheets=s.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of s){let e=document.createElement("style"),i=Ct.litNonce;i!==void 0&&e.setAttribute("nonce",i),e.textContent=t.cssText,r.appendChild(e)}},te=Mt?r=>r:r=>r instanceof CSSStyleSheet?(s=>{let t="";for(let e of s.cssRules)t+=e.cssText;return As(t)})(r):r;var{is:ji,defineProperty:zi,getOwnPropertyDescriptor:Bi,getOwnPropertyNames:Fi,getOwnPropertySymbols:Wi,getPrototypeOf:Ki}=Object,Tt=globalThis,Ms=Tt.trustedTypes,Zi=Ms?Ms.emptyScript:"",Yi=Tt.reactiveElementPolyfillSupport,bt=(r,s)=>r,xt={toAttribute(r,s){switch(s){case Boolean:r=r?Zi:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,s){let t=r;switch(s){case Boolean:t=r!==null;break;case Number:t=r===null?null:Number(r);break;case Object:case Array:try{t=JSON.parse(r)}catch{t=null}}return t}},Rt=(r,s)=>!ji(r,s),Ts={attribute:!0,type:String,converter:xt,reflect:!1,useDefault:!1,hasChanged:Rt};Symbol.metadata??=Symbol("metadata"),Tt.litPropertyMetadata??=new WeakMap;var j=class extends HTMLElement{static addInitializer(s){this._$Ei(),(this.l??=[]).push(s)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(s,t=Ts){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(s)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(s,t),!t.noAccessor){let e=Symbol(),i=this.getPropertyDescriptor(s,e,t);i!==void 0&&zi(this.prototype,s,i)}}static getPropertyDescriptor(s,t,e){let{get:i,set:n}=Bi(this.prototype,s)??{get(){return this[t]},set(o){this[t]=o}};return{get:i,set(o){let a=i?.call(this);n?.call(this,o),this.requestUpdate(s,a,e)},configurable:!0,enumerable:!0}}static getPropertyOptions(s){return this.elementProperties.get(s)??Ts}static _$Ei(){if(this.hasOwnProperty(bt("elementProperties")))return;let s=Ki(this);s.finalize(),s.l!==void 0&&(this.l=[...s.l]),this.elementProperties=new Map(s.elementProperties)}static finalize(){if(this.hasOwnProperty(bt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(bt("properties"))){let t=this.properties,e=[...Fi(t),...Wi(t)];for(let i of e)this.createProperty(i,t[i])}let s=this[Symbol.metadata];if(s!==null){let t=litPropertyMetadata.get(s);if(t!==void 0)for(let[e,i]of t)this.elementProperties.set(e,i)}this._$Eh=new Map;for(let[t,e]of this.elementProperties){let i=this._$Eu(t,e);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(s){let t=[];if(Array.isArray(s)){let e=new Set(s.flat(1/0).reverse());for(let i of e)t.unshift(te(i))}else s!==void 0&&t.push(te(s));return t}static _$Eu(s,t){let e=t.attribute;return e===!1?void 0:typeof e=="string"?e:typeof s=="string"?s.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(s=>this.enableUpdating=s),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(s=>s(this))}addController(s){(this._$EO??=new Set).add(s),this.renderRoot!==void 0&&this.isConnected&&s.hostConnected?.()}removeController(s){this._$EO?.delete(s)}_$E_(){let s=new Map,t=this.constructor.elementProperties;for(let e of t.keys())this.hasOwnProperty(e)&&(s.set(e,this[e]),delete this[e]);s.size>0&&(this._$Ep=s)}createRenderRoot(){let s=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Cs(s,this.constructor.elementStyles),s}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(s=>s.hostConnected?.())}enableUpdating(s){}disconnectedCallback(){this._$EO?.forEach(s=>s.hostDisconnected?.())}attributeChangedCallback(s,t,e){this._$AK(s,e)}_$ET(s,t){let e=this.constructor.elementProperties.get(s),i=this.constructor._$Eu(s,e);if(i!==void 0&&e.reflect===!0){let n=(e.converter?.toAttribute!==void 0?e.converter:xt).toAttribute(t,e.type);this._$Em=s,n==null?this.removeAttribute(i):this.setAttribute(i,n),this._$Em=null}}_$AK(s,t){let e=this.constructor,i=e._$Eh.get(s);if(i!==void 0&&this._$Em!==i){let n=e.getPropertyOptions(i),o=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:xt;this._$Em=i;let a=o.fromAttribute(t,n.type);this[i]=a??this._$Ej?.get(i)??a,this._$Em=null}}requestUpdate(s,t,e,i=!1,n){if(s!==void 0){let o=this.constructor;if(i===!1&&(n=this[s]),e??=o.getPropertyOptions(s),!((e.hasChanged??Rt)(n,t)||e.useDefault&&e.reflect&&n===this._$Ej?.get(s)&&!this.hasAttribute(o._$Eu(s,e))))return;this.C(s,t,e)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(s,t,{useDefault:e,reflect:i,wrapped:n},o){e&&!(this._$Ej??=new Map).has(s)&&(this._$Ej.set(s,o??t??this[s]),n!==!0||o!==void 0)||(this._$AL.has(s)||(this.hasUpdated||e||(t=void 0),this._$AL.set(s,t)),i===!0&&this._$Em!==s&&(this._$Eq??=new Set).add(s))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let s=this.scheduleUpdate();return s!=null&&await s,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,n]of this._$Ep)this[i]=n;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[i,n]of e){let{wrapped:o}=n,a=this[i];o!==!0||this._$AL.has(i)||a===void 0||this.C(i,void 0,n,a)}}let s=!1,t=this._$AL;try{s=this.shouldUpdate(t),s?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(e){throw s=!1,this._$EM(),e}s&&this._$AE(t)}willUpdate(s){}_$AE(s){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(s)),this.updated(s)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(s){return!0}update(s){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(s){}firstUpdated(s){}};j.elementStyles=[],j.shadowRootOptions={mode:"open"},j[bt("elementProperties")]=new Map,j[bt("finalized")]=new Map,Yi?.({ReactiveElement:j}),(Tt.reactiveElementVersions??=[]).push("2.1.2");var se=globalThis,Rs=r=>r,Lt=se.trustedTypes,Ls=Lt?Lt.createPolicy("lit-html",{createHTML:r=>r}):void 0,re="$lit$",z=`lit$${Math.random().toFixed(9).slice(2)}$`,ie="?"+z,Gi=`<${ie}>`,X=document,wt=()=>X.createComment(""),_t=r=>r===null||typeof r!="object"&&typeof r!="function",ne=Array.isArray,qs=r=>ne(r)||typeof r?.[Symbol.iterator]=="function",ee=`[ 	
\f\r]`,$t=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Hs=/-->/g,Is=/>/g,Q=RegExp(`>|${ee}(?:([^\\s"'>=/]+)(${ee}*=${ee}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ps=/'/g,Ds=/"/g,Os=/^(?:script|style|textarea|title)$/i,oe=r=>(s,...t)=>({_$litType$:r,strings:s,values:t}),d=oe(1),Ns=oe(2),qn=oe(3),D=Symbol.for("lit-noChange"),u=Symbol.for("lit-nothing"),Us=new WeakMap,J=X.createTreeWalker(X,129);function Vs(r,s){if(!ne(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ls!==void 0?Ls.createHTML(s):s}var js=(r,s)=>{let t=r.length-1,e=[],i,n=s===2?"<svg>":s===3?"<math>":"",o=$t;for(let a=0;a<t;a++){let l=r[a],h,p,m=-1,I=0;for(;I<l.length&&(o.lastIndex=I,p=o.exec(l),p!==null);)I=o.lastIndex,o===$t?p[1]==="!--"?o=Hs:p[1]!==void 0?o=Is:p[2]!==void 0?(Os.test(p[2])&&(i=RegExp("</"+p[2],"g")),o=Q):p[3]!==void 0&&(o=Q):o===Q?p[0]===">"?(o=i??$t,m=-1):p[1]===void 0?m=-2:(m=o.lastIndex-p[2].length,h=p[1],o=p[3]===void 0?Q:p[3]==='"'?Ds:Ps):o===Ds||o===Ps?o=Q:o===Hs||o===Is?o=$t:(o=Q,i=void 0);let k=o===Q&&r[a+1].startsWith("/>")?" ":"";n+=o===$t?l+Gi:m>=0?(e.push(h),l.slice(0,m)+re+l.slice(m)+z+k):l+z+(m===-2?a:k)}return[Vs(r,n+(r[t]||"<?>")+(s===2?"</svg>":s===3?"</math>":"")),e]},kt=class r{constructor({strings:s,_$litType$:t},e){let i;this.parts=[];let n=0,o=0,a=s.length-1,l=this.parts,[h,p]=js(s,t);if(this.el=r.createElement(h,e),J.currentNode=this.el.content,t===2||t===3){let m=this.el.content.firstChild;m.replaceWith(...m.childNodes)}for(;(i=J.nextNode())!==null&&l.length<a;){if(i.nodeType===1){if(i.hasAttributes())for(let m of i.getAttributeNames())if(m.endsWith(re)){let I=p[o++],k=i.getAttribute(m).split(z),W=/([.?@])?(.*)/.exec(I);l.push({type:1,index:n,name:W[2],strings:k,ctor:W[1]==="."?It:W[1]==="?"?Pt:W[1]==="@"?Dt:et}),i.removeAttribute(m)}else m.startsWith(z)&&(l.push({type:6,index:n}),i.removeAttribute(m));if(Os.test(i.tagName)){let m=i.textContent.split(z),I=m.length-1;if(I>0){i.textContent=Lt?Lt.emptyScript:"";for(let k=0;k<I;k++)i.append(m[k],wt()),J.nextNode(),l.push({type:2,index:++n});i.append(m[I],wt())}}}else if(i.nodeType===8)if(i.data===ie)l.push({type:2,index:n});else{let m=-1;for(;(m=i.data.indexOf(z,m+1))!==-1;)l.push({type:7,index:n}),m+=z.length-1}n++}}static createElement(s,t){let e=X.createElement("template");return e.innerHTML=s,e}};function tt(r,s,t=r,e){if(s===D)return s;let i=e!==void 0?t._$Co?.[e]:t._$Cl,n=_t(s)?void 0:s._$litDirective$;return i?.constructor!==n&&(i?._$AO?.(!1),n===void 0?i=void 0:(i=new n(r),i._$AT(r,t,e)),e!==void 0?(t._$Co??=[])[e]=i:t._$Cl=i),i!==void 0&&(s=tt(r,i._$AS(r,s.values),i,e)),s}var Ht=class{constructor(s,t){this._$AV=[],this._$AN=void 0,this._$AD=s,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(s){let{el:{content:t},parts:e}=this._$AD,i=(s?.creationScope??X).importNode(t,!0);J.currentNode=i;let n=J.nextNode(),o=0,a=0,l=e[0];for(;l!==void 0;){if(o===l.index){let h;l.type===2?h=new lt(n,n.nextSibling,this,s):l.type===1?h=new l.ctor(n,l.name,l.strings,this,s):l.type===6&&(h=new Ut(n,this,s)),this._$AV.push(h),l=e[++a]}o!==l?.index&&(n=J.nextNode(),o++)}return J.currentNode=X,i}p(s){let t=0;for(let e of this._$AV)e!==void 0&&(e.strings!==void 0?(e._$AI(s,e,t),t+=e.strings.length-2):e._$AI(s[t])),t++}},lt=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(s,t,e,i){this.type=2,this._$AH=u,this._$AN=void 0,this._$AA=s,this._$AB=t,this._$AM=e,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let s=this._$AA.parentNode,t=this._$AM;return t!==void 0&&s?.nodeType===11&&(s=t.parentNode),s}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(s,t=this){s=tt(this,s,t),_t(s)?s===u||s==null||s===""?(this._$AH!==u&&this._$AR(),this._$AH=u):s!==this._$AH&&s!==D&&this._(s):s._$litType$!==void 0?this.$(s):s.nodeType!==void 0?this.T(s):qs(s)?this.k(s):this._(s)}O(s){return this._$AA.parentNode.insertBefore(s,this._$AB)}T(s){this._$AH!==s&&(this._$AR(),this._$AH=this.O(s))}_(s){this._$AH!==u&&_t(this._$AH)?this._$AA.nextSibling.data=s:this.T(X.createTextNode(s)),this._$AH=s}$(s){let{values:t,_$litType$:e}=s,i=typeof e=="number"?this._$AC(s):(e.el===void 0&&(e.el=kt.createElement(Vs(e.h,e.h[0]),this.options)),e);if(this._$AH?._$AD===i)this._$AH.p(t);else{let n=new Ht(i,this),o=n.u(this.options);n.p(t),this.T(o),this._$AH=n}}_$AC(s){let t=Us.get(s.strings);return t===void 0&&Us.set(s.strings,t=new kt(s)),t}k(s){ne(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,e,i=0;for(let n of s)i===t.length?t.push(e=new r(this.O(wt()),this.O(wt()),this,this.options)):e=t[i],e._$AI(n),i++;i<t.length&&(this._$AR(e&&e._$AB.nextSibling,i),t.length=i)}_$AR(s=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);s!==this._$AB;){let e=Rs(s).nextSibling;Rs(s).remove(),s=e}}setConnected(s){this._$AM===void 0&&(this._$Cv=s,this._$AP?.(s))}},et=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(s,t,e,i,n){this.type=1,this._$AH=u,this._$AN=void 0,this.element=s,this.name=t,this._$AM=i,this.options=n,e.length>2||e[0]!==""||e[1]!==""?(this._$AH=Array(e.length-1).fill(new String),this.strings=e):this._$AH=u}_$AI(s,t=this,e,i){let n=this.strings,o=!1;if(n===void 0)s=tt(this,s,t,0),o=!_t(s)||s!==this._$AH&&s!==D,o&&(this._$AH=s);else{let a=s,l,h;for(s=n[0],l=0;l<n.length-1;l++)h=tt(this,a[e+l],t,l),h===D&&(h=this._$AH[l]),o||=!_t(h)||h!==this._$AH[l],h===u?s=u:s!==u&&(s+=(h??"")+n[l+1]),this._$AH[l]=h}o&&!i&&this.j(s)}j(s){s===u?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,s??"")}},It=class extends et{constructor(){super(...arguments),this.type=3}j(s){this.element[this.name]=s===u?void 0:s}},Pt=class extends et{constructor(){super(...arguments),this.type=4}j(s){this.element.toggleAttribute(this.name,!!s&&s!==u)}},Dt=class extends et{constructor(s,t,e,i,n){super(s,t,e,i,n),this.type=5}_$AI(s,t=this){if((s=tt(this,s,t,0)??u)===D)return;let e=this._$AH,i=s===u&&e!==u||s.capture!==e.capture||s.once!==e.once||s.passive!==e.passive,n=s!==u&&(e===u||i);i&&this.element.removeEventListener(this.name,this,e),n&&this.element.addEventListener(this.name,this,s),this._$AH=s}handleEvent(s){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,s):this._$AH.handleEvent(s)}},Ut=class{constructor(s,t,e){this.element=s,this.type=6,this._$AN=void 0,this._$AM=t,this.options=e}get _$AU(){return this._$AM._$AU}_$AI(s){tt(this,s)}},zs={M:re,P:z,A:ie,C:1,L:js,R:Ht,D:qs,V:tt,I:lt,H:et,N:Pt,U:Dt,B:It,F:Ut},Qi=se.litHtmlPolyfillSupport;Qi?.(kt,lt),(se.litHtmlVersions??=[]).push("3.3.3");var Bs=(r,s,t)=>{let e=t?.renderBefore??s,i=e._$litPart$;if(i===void 0){let n=t?.renderBefore??null;e._$litPart$=i=new lt(s.insertBefore(wt(),n),n,void 0,t??{})}return i._$AI(r),i};var ae=globalThis,_=class extends j{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let s=super.createRenderRoot();return this.renderOptions.renderBefore??=s.firstChild,s}update(s){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(s),this._$Do=Bs(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return D}};_._$litElement$=!0,_.finalized=!0,ae.litElementHydrateSupport?.({LitElement:_});var Ji=ae.litElementPolyfillSupport;Ji?.({LitElement:_});(ae.litElementVersions??=[]).push("4.2.2");var Xi={attribute:!0,type:String,converter:xt,reflect:!1,hasChanged:Rt},tn=(r=Xi,s,t)=>{let{kind:e,metadata:i}=t,n=globalThis.litPropertyMetadata.get(i);if(n===void 0&&globalThis.litPropertyMetadata.set(i,n=new Map),e==="setter"&&((r=Object.create(r)).wrapped=!0),n.set(t.name,r),e==="accessor"){let{name:o}=t;return{set(a){let l=s.get.call(this);s.set.call(this,a),this.requestUpdate(o,l,r,!0,a)},init(a){return a!==void 0&&this.C(o,void 0,r,a),a}}}if(e==="setter"){let{name:o}=t;return function(a){let l=this[o];s.call(this,a),this.requestUpdate(o,l,r,!0,a)}}throw Error("Unsupported decorator location: "+e)};function b(r){return(s,t)=>typeof t=="object"?tn(r,s,t):((e,i,n)=>{let o=i.hasOwnProperty(n);return i.constructor.createProperty(n,e),o?Object.getOwnPropertyDescriptor(i,n):void 0})(r,s,t)}function w(r){return b({...r,state:!0,attribute:!1})}var Fs={"card.name":"Audit trail","card.description":"Who changed what, when and why: a timeline of every recorded change with its cause, replay and the causation chain.","card.suggestion":"Audit trail of this entity","card.no_entities":"Choose entities or a target to show their audit trail.","card.loading":"Loading…","card.error":"Could not load the audit trail: {message}","card.live":"Live","card.replay_at":"At {time}","card.state_for":"for {duration}","card.state_for_approx":"for at least {duration}","card.not_recorded":"Not recorded ({reason})","card.did_not_exist":"Did not exist","card.no_changes":"No changes in this window.","card.changes":"Changes","card.more":"Load more","card.dense":"{count} changes","editor.entities":"Entities","editor.target":"Target (areas, devices, labels)","editor.hours_to_show":"Hours to show","editor.title":"Title","integrity.ok":"Log verified: {checked} rows intact","integrity.bad":"Log integrity problem at row {seq} ({reason})","integrity.pending":"Log not verified yet","replay.play":"Play","replay.pause":"Pause","replay.prev":"Previous change","replay.next":"Next change","replay.live":"Go live","replay.speed":"Speed","replay.jump":"Jump to time","replay.cursor":"Replay cursor","why.title":"Why?","why.open":"Why?","why.root":"Root cause","why.trace_link":"Open the automation's trace","why.trace_gone":"Home Assistant no longer keeps the trace of this run","why.loading":"Following the chain…","why.run":"Run of {name}","why.action":"Action {service}","why.user":"By {name}","why.device":"Device {name}","change.attributes":"attributes changed","change.added":"added","change.removed":"removed","change.annotation":"Note","change.correction":"Correction","cause.user":"User","cause.unknown_user":"Unknown user","cause.automation":"Automation","cause.script":"Script","cause.action":"Action","cause.entity":"Entity","cause.device":"Device","cause.system":"System","cause.unobserved":"Not observed","cause.unknown":"Unknown cause","cause.via":"via {via}","cause.low":"low confidence","gap.not_running":"Home Assistant was not running","gap.unclean_shutdown":"Home Assistant stopped unexpectedly","gap.queue_full":"changes came faster than they could be written","gap.write_failed":"the log could not be written","reason.initial":"first recorded state","reason.context_reused":"context reused","reason.parent_not_seen":"cause started before Audit Trail listened","reason.appeared_while_not_observed":"changed while nobody was watching","panel.title":"Audit Trail","panel.entities":"Entities","panel.areas":"Areas","panel.range":"Range","panel.from":"From","panel.to":"To","panel.apply":"Show","panel.filter_kind":"Cause","panel.filter_actor":"Actor","panel.all":"All","panel.activity":"Activity by actor","panel.activity_total":"{total} changes","panel.diff":"Difference between two instants","panel.diff_run":"Compare","panel.diff_none":"Nothing differs.","panel.diff_transitions":"{count} transitions","panel.verify":"Verify the log","panel.verify_ok":"Chain intact: {checked} rows checked","panel.verify_bad":"Chain broken at row {seq}: {reason} ({checked} rows checked)","panel.export":"Export","panel.export_sha":"SHA-256 of {file}: {sha}","panel.export_sha_mismatch":"the file received does not match this SHA-256","panel.export_failed":"Export failed (HTTP {status})","panel.search":"Filter entities","panel.selected":"{count} selected","error.unauthorized":"You may not read these entities.","error.unknown_entity":"Unknown entity."};var en={"common.close":"ui.common.close","common.cancel":"ui.common.cancel","common.refresh":"ui.common.refresh","replay.play":"ui.components.media-browser.play"},sn=(r,s)=>s?r.replace(/\{(\w+)\}/g,(t,e)=>e in s?String(s[e]):t):r,st=r=>(s,t)=>{let e=en[s];if(e&&r){let n=r(e,t);if(n)return n}let i=Fs[s];return i!==void 0?sn(i,t):s.includes(".")?s.slice(s.indexOf(".")+1).replace(/_/g," "):s},Ws=(r,s,t)=>{let e=s.split(".",1)[0];return r?.(`component.${e}.entity_component._.state.${t}`)||t};var Et=r=>r==null?[]:Array.isArray(r)?r:[r],rn=r=>!r.hidden&&!r.entity_category,Ot=(r,s,t)=>{let e=new Set(r??[]);for(let p of Et(s?.entity_id))e.add(p);let i=new Set(Et(s?.label_id)),n=p=>p?.some(m=>i.has(m))??!1,o=new Set(Et(s?.device_id)),a=new Set(Et(s?.area_id));for(let p of Object.values(t.devices??{}))n(p.labels)&&o.add(p.id);for(let p of Object.values(t.areas??{}))n(p.labels)&&a.add(p.area_id);let l=new Set(Object.values(t.devices??{}).filter(p=>p.area_id&&a.has(p.area_id)).map(p=>p.id)),h=[];for(let p of Object.values(t.entities??{})){if(!rn(p))continue;let m=p.device_id??"";(n(p.labels)||p.area_id!=null&&a.has(p.area_id)||o.has(m)||p.area_id==null&&l.has(m))&&h.push(p.entity_id)}for(let p of h.sort())e.add(p);return[...e]};var dt="audit-trail-card",le=24,ce=24*366,nn=/^[a-z0-9_]+\.[a-z0-9_]+$/,K=class extends Error{},Ks=r=>{if(typeof r!="object"||r===null)throw new K("Invalid configuration");let s=r,t=s.entities??[];if(!Array.isArray(t)||t.some(n=>typeof n!="string"||!nn.test(n)))throw new K("entities must be a list of entity ids (like light.kitchen)");let e=s.hours_to_show??le;if(typeof e!="number"||!Number.isFinite(e)||e<=0||e>ce)throw new K(`hours_to_show must be a number of hours between 0 and ${ce}`);if(s.title!==void 0&&typeof s.title!="string")throw new K("title must be text");let i;if(s.target!==void 0&&s.target!==null){if(typeof s.target!="object")throw new K("target must be a target (area_id, device_id, label_id, entity_id)");let n=s.target;for(let o of["area_id","device_id","label_id","entity_id"]){let a=n[o];if(a!==void 0&&typeof a!="string"&&!(Array.isArray(a)&&a.every(l=>typeof l=="string")))throw new K(`target.${o} must be an id or a list of ids`)}i=n}return{...s,entities:t,hours_to_show:e,...i?{target:i}:{}}},Zs=r=>({schema:[{name:"title",selector:{text:{}}},{name:"entities",selector:{entity:{multiple:!0}}},{name:"target",selector:{target:{}}},{name:"hours_to_show",selector:{number:{min:1,max:ce,step:1,mode:"box",unit_of_measurement:"h"}}}],computeLabel:s=>r(`editor.${s.name}`)}),on=["light","switch","lock","cover","climate","input_boolean","binary_sensor","fan","media_player"],Ys=(r,s=3)=>{let t=Object.values(r).sort((n,o)=>Date.parse(o.last_changed)-Date.parse(n.last_changed)),e=t.filter(n=>on.includes(n.entity_id.split(".",1)[0])),i=(e.length?e:t).slice(0,s).map(n=>n.entity_id);return{type:`custom:${dt}`,entities:i,hours_to_show:le}},Gs=(r,s,t)=>r[s]?{label:t,config:{type:`custom:${dt}`,entities:[s],hours_to_show:le}}:null;var an=(r,s,t)=>r.time_zone==="server"?s:t??Intl.DateTimeFormat().resolvedOptions().timeZone,cn=r=>{if(r.time_format==="12")return!0;if(r.time_format==="24")return!1;let s=r.time_format==="system"?void 0:r.language,t=new Date(Date.UTC(2023,0,1,22)).toLocaleString(s,{hour:"numeric",timeZone:"UTC"});return/10/.test(t)},Js=(r,s,t)=>({language:r.language||"en",timeZone:an(r,s,t),hour12:cn(r)}),Qs=new Map,pe=(r,s)=>{let t=`${r.language}|${r.timeZone}|${r.hour12}|${JSON.stringify(s)}`,e=Qs.get(t);return e||(e=new Intl.DateTimeFormat(r.language,{...s,timeZone:r.timeZone,hour12:r.hour12}),Qs.set(t,e)),e},Vt=(r,s,t=!0)=>pe(s,{hour:"numeric",minute:"2-digit",...t?{second:"2-digit"}:{}}).format(r),B=(r,s,t=!0)=>pe(s,{year:"numeric",month:"short",day:"numeric",hour:"numeric",minute:"2-digit",...t?{second:"2-digit"}:{}}).format(r),Xs=(r,s)=>pe(s,{month:"short",day:"numeric"}).format(r),tr=r=>{let s=Math.max(0,Math.floor(r/1e3)),t=[[86400,"d"],[3600,"h"],[60,"min"],[1,"s"]],e=t.findIndex(([h])=>s>=h);if(e<0)return"0 s";let[i,n]=t[e],o=Math.floor(s/i),a=t[e+1],l=a?Math.floor((s-o*i)/a[0]):0;return l&&a?`${o} ${n} ${l} ${a[1]}`:`${o} ${n}`},Nt=(r,s)=>{let t=new Intl.DateTimeFormat("en-US",{timeZone:s,hourCycle:"h23",year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric",second:"numeric"}).formatToParts(r),e=n=>Number(t.find(o=>o.type===n)?.value??0);return Date.UTC(e("year"),e("month")-1,e("day"),e("hour")%24,e("minute"),e("second"))-Math.floor(r/1e3)*1e3},St=r=>String(r).padStart(2,"0"),pt=(r,s)=>{let t=new Date(r+Nt(r,s));return`${t.getUTCFullYear()}-${St(t.getUTCMonth()+1)}-${St(t.getUTCDate())}T${St(t.getUTCHours())}:${St(t.getUTCMinutes())}:${St(t.getUTCSeconds())}`},ut=(r,s)=>{let t=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(r);if(!t)return NaN;let e=Date.UTC(+t[1],+t[2]-1,+t[3],+t[4],+t[5],+(t[6]??0)),i=e-Nt(e,s);return i=e-Nt(i,s),i},de=[1,5,15,30,60,120,180,360,720,1440,2880,10080].map(r=>r*6e4),er=(r,s,t,e)=>{if(s<=r||t<1)return[];let i=de.find(l=>(s-r)/l<=t)??de[de.length-1],n=Nt(r,e),o=Math.ceil((r+n)/i)*i-n,a=[];for(;o<=s&&a.length<=t;o+=i)a.push(o);return a};var F=r=>typeof r=="string"?r:r.toISOString(),rt=r=>Object.fromEntries(Object.entries(r).filter(([,s])=>s!==void 0)),ue=(r,s)=>r.callWS({type:"audit_trail/history",...rt({entity_id:s.entityIds,start:F(s.start),end:s.end===void 0?void 0:F(s.end),event_types:s.eventTypes,limit:s.limit,cursor:s.cursor??void 0,order:s.order})}),sr=(r,s,t,e)=>r.callWS({type:"audit_trail/state_at",...rt({at:F(s),entity_id:t,attributes:e})}),rr=(r,s)=>r.callWS({type:"audit_trail/trace",seq:s}),ir=(r,s)=>r.callWS({type:"audit_trail/timeline",...rt({entity_id:s.entityIds,start:F(s.start),end:s.end===void 0?void 0:F(s.end),buckets:s.buckets===void 0?void 0:ln(s.buckets),exact_limit:s.exactLimit})}),ln=r=>Math.min(4e3,Math.max(10,Math.round(r))),nr=(r,s,t)=>r.callWS({type:"audit_trail/activity",...rt({start:F(s),end:t===void 0?void 0:F(t)})});var or=(r,s,t,e)=>r.callWS({type:"audit_trail/diff",...rt({start:F(s),end:F(t),entity_id:e})}),ar=(r,s)=>r.callWS({type:"audit_trail/verify",...rt({from_seq:s})}),cr=(r,s,t)=>r.callWS({type:"trace/contexts",...rt({domain:s,item_id:t})});var lr=async(r,s)=>{let t=s.afterSeq,e=null,i=!1,n=h=>{if("dropped"in h){t=Math.max(t,h.last_seq),a();return}let p=h.events.filter(m=>m.seq>t);p.length&&(t=p[p.length-1].seq,s.onEvents(p))},o=async()=>{let h={type:"audit_trail/subscribe",after_seq:t};s.entityIds&&(h.entity_id=s.entityIds);let p=await r.connection.subscribeMessage(n,h,{resubscribe:!1});i?p().catch(()=>{}):e=p},a=async()=>{let h=e;if(e=null,h&&await h().catch(()=>{}),!i)try{await o()}catch(p){s.onError?.(p)}},l=()=>{a()};r.connection.addEventListener("ready",l);try{await o()}catch(h){throw r.connection.removeEventListener("ready",l),h}return()=>{i=!0,r.connection.removeEventListener("ready",l);let h=e;e=null,h&&h().catch(()=>{})}};var dr=async(r,s,t)=>{let e=s.split(".",1)[0];if(!t||e!=="automation"&&e!=="script")return{kind:"none"};let i=r.states[s]?.attributes.id,n=e==="automation"?typeof i=="string"?i:null:s.slice(e.length+1);if(!n)return{kind:"gone"};let o;try{o=await cr(r,e,n)}catch{return{kind:"gone"}}let a=o[t]??Object.values(o).find(h=>h.run_id===t);if(!a||a.item_id!==n)return{kind:"gone"};let l=`run_id=${encodeURIComponent(a.run_id)}`;return{kind:"link",url:`/config/${e}/trace/${encodeURIComponent(n)}?${l}`}};var V=r=>Date.parse(r),dn={kind:"system",confidence:"high"},pr=r=>{switch(r.event_type){case"state_changed":case"entity_added":return r.new_state;case"entity_removed":return null;default:return}},ur=r=>{switch(r.event_type){case"state_changed":return r.old_state===r.new_state?"attributes":"state";case"attributes_changed":return"attributes";case"entity_added":return"added";case"entity_removed":return"removed";case"annotation":case"correction":return"note";default:return"other"}},pn=(r,s,t)=>{let e=r.map(n=>({start:Math.max(s,V(n.start)),end:Math.min(t,V(n.end)),reason:n.reason})).filter(n=>n.end>n.start).sort((n,o)=>n.start-o.start),i=[];for(let n of e){let o=i[i.length-1];o&&n.start<=o.end?o.end=Math.max(o.end,n.end):i.push({...n})}return i},hr=(r,s)=>({time:s,state:r?.state??null,seq:r?.seq??0,cause:r?.cause??dn}),un=(r,s)=>{let t=[hr(r.initial,s)];for(let e of r.events??[]){let i=pr(e);i!==void 0&&t[t.length-1].state!==i&&t.push({time:V(e.time),state:i,seq:e.seq,cause:e.cause})}return t},hn=(r,s)=>r.map((t,e)=>({start:t.time,end:r[e+1]?.time??s,kind:t.state===null?"none":"state",state:t.state})),mr=(r,s,t,e)=>{let i=[],n=r?.state??null,o=t;for(let a of s)a.start>o&&i.push({start:o,end:a.start,kind:n===null?"none":"state",state:n}),i.push({start:Math.max(o,a.start),end:a.end,kind:"dense",state:a.state,count:a.count}),n=a.state,o=a.end;return o<e&&i.push({start:o,end:e,kind:n===null?"none":"state",state:n}),i},he=(r,s)=>{let t=[];for(let e of r){let i=e.start;for(let n of s)n.end<=i||n.start>=e.end||(n.start>i&&t.push({...e,start:i,end:n.start}),i=Math.min(e.end,n.end));i<e.end&&t.push({...e,start:i})}for(let e of s)t.push({start:e.start,end:e.end,kind:"gap",state:null,reason:e.reason});return t.sort((e,i)=>e.start-i.start||(e.kind==="gap"?-1:1)),mn(t.filter(e=>e.end>e.start))},mn=r=>{let s=[];for(let t of r){let e=s[s.length-1];e&&e.end===t.start&&e.kind===t.kind&&e.state===t.state&&t.kind!=="dense"&&t.kind!=="gap"?e.end=t.end:s.push({...t})}return s},fn=r=>({start:V(r.start),end:V(r.end),count:r.count,state:r.state,seq:r.last_seq,cause:r.cause}),me=(r,s,t,e,i)=>{let n=pn(t,e,i);if(s.exact){let l=un(s,e),h=(s.events??[]).filter(p=>p.event_type!=="checkpoint").map(p=>({time:V(p.time),seq:p.seq,kind:ur(p),cause:p.cause,count:1,event:p}));return{entityId:r,exact:!0,start:e,end:i,initial:s.initial,points:l,marks:h,gaps:n,buckets:[],segments:he(hn(l,i),n)}}let o=(s.buckets??[]).map(fn).sort((l,h)=>l.start-h.start),a=o.map(l=>({time:l.end,seq:l.seq,kind:"bucket",cause:l.cause,count:l.count}));return{entityId:r,exact:!1,start:e,end:i,initial:s.initial,points:[hr(s.initial,e)],marks:a,gaps:n,buckets:o,segments:he(mr(s.initial,o,e,i),n)}},fr=(r,s,t)=>{let e=new Set(r.marks.map(a=>a.seq)),i=s.filter(a=>a.entity_id===r.entityId&&!e.has(a.seq));if(!r.exact){let a=[...r.buckets];for(let h of i){let p=V(h.time),m=pr(h);a.push({start:p,end:p,count:1,state:m===void 0?a[a.length-1]?.state??r.initial?.state??null:m,seq:h.seq,cause:h.cause})}let l=[...r.marks,...i.map(h=>({time:V(h.time),seq:h.seq,kind:ur(h),cause:h.cause,count:1,event:h}))];return{...r,end:t,buckets:a,marks:l,segments:he(mr(r.initial,a,r.start,t),r.gaps)}}let n={initial:r.initial,exact:!0,events:[...r.marks.flatMap(a=>a.event?[a.event]:[]),...i]},o=r.gaps.map(a=>({start:new Date(a.start).toISOString(),end:new Date(a.end).toISOString(),reason:a.reason,seq:0}));return me(r.entityId,n,o,r.start,t)};var gr=[1,10,60,600,3600],jt=r=>({t:r,wall:r,playing:!1,speed:1,live:!0}),mt=(r,s)=>{if(r.live)return s;let t=r.playing?r.t+(s-r.wall)*r.speed:r.t;return Math.min(t,s)},yr=(r,s)=>!r.live&&r.playing&&r.t+(s-r.wall)*r.speed>=s,vr=(r,s)=>r.live?r:{...r,t:mt(r,s),wall:s,playing:!0},fe=(r,s)=>({...r,t:mt(r,s),wall:s,playing:!1,live:!1}),br=(r,s,t)=>({...r,t:mt(r,t),wall:t,speed:s}),ht=(r,s,t)=>s>=t?{...r,t,wall:t,playing:!1,live:!0}:{...r,t:s,wall:t,playing:r.playing,live:!1},ge=(r,s,t)=>{if(t>0){for(let e of r)if(e>s)return e;return null}for(let e=r.length-1;e>=0;e--)if(r[e]<s)return r[e];return null},xr=(r,s,t,e)=>{let i=mt(r,e),n=ge(s,i,t);return n===null?t>0?ht(r,e,e):fe(r,e):{...ht(r,n,e),playing:!1}};var $r=(r,s)=>{let t=0,e=r.length-1,i=-1;for(;t<=e;){let n=t+e>>1;r[n].time<=s?(i=n,t=n+1):e=n-1}return i},wr=(r,s,t)=>{let e=t&&r.initial?V(r.initial.last_changed):s.time;return{kind:"state",state:s.state,since:e,approx:!1,seq:s.seq,cause:s.cause}},_r=(r,s)=>{if(s<r.start||s>r.end)return{kind:"ask"};let t=r.gaps.find(n=>s>=n.start&&s<n.end);if(t)return{kind:"gap",reason:t.reason,start:t.start,end:t.end};if(r.exact){let n=$r(r.points,s);return wr(r,r.points[Math.max(0,n)],n<=0)}let e=$r(r.buckets.map(n=>({time:n.start})),s);if(e<0)return wr(r,r.points[0],!0);let i=r.buckets[e];return s<i.end?{kind:"ask"}:{kind:"state",state:i.state,since:i.end,approx:!0,seq:i.seq,cause:i.cause}},ye=r=>{let s=new Set;for(let t of r)for(let e of t.marks)s.add(e.time);return[...s].sort((t,e)=>t-e)};var ve=(r,s,t,e,i=8)=>{if(e<=0||t<=0)return{first:0,last:0,padTop:0,padBottom:0};let n=Math.max(0,Math.floor(r/t)-i),o=Math.min(e,Math.ceil((r+s)/t)+i);return{first:n,last:o,padTop:n*t,padBottom:(e-o)*t}},kr=(r,s,t,e=20)=>t&&r.last>=s-e,be=(r,s)=>{let t=new Set,e=[];for(let i of[...r,...s])t.has(i.seq)||(t.add(i.seq),e.push(i));return e.sort((i,n)=>n.seq-i.seq)};var yn=100,vn=()=>Date.now(),xe=36e5,O=r=>typeof r=="object"&&r!==null&&"message"in r?String(r.message):String(r),ft=class{constructor(s){y(this,"host",s);y(this,"hass");y(this,"entityIds",[]);y(this,"hours",24);y(this,"laneWidth",400);y(this,"lanes",[]);y(this,"gapsIntegrity",null);y(this,"loading",!1);y(this,"error",null);y(this,"list",[]);y(this,"nextCursor",null);y(this,"listLoading",!1);y(this,"clock",jt(Date.now()));y(this,"windowStart",0);y(this,"windowEnd",null);y(this,"selection",null);y(this,"asked",null);y(this,"unsub",null);y(this,"timer");y(this,"generation",0);y(this,"askTimer");y(this,"ticks",0);s.addController(this)}hostConnected(){this.timer=window.setInterval(()=>this.tick(),250)}hostDisconnected(){window.clearInterval(this.timer),window.clearTimeout(this.askTimer),this.stopStream()}get now(){return Date.now()}get start(){return this.windowEnd===null?Math.max(this.windowStart,this.now-this.hours*xe):this.windowStart}get end(){return this.windowEnd??this.now}get cursor(){return mt(this.clock,this.now)}tick(){if(this.ticks++,yr(this.clock,this.now)&&(this.clock={...jt(this.now),speed:this.clock.speed}),this.clock.playing||this.clock.live&&this.ticks%4===0){let s=this.cursor;!this.loading&&this.lanes.length&&(s>this.end||s<this.windowStart)&&this.jump(s),this.host.requestUpdate()}}stopStream(){this.unsub?.(),this.unsub=null}async load(s,t){let e=this.hass;if(!e||!this.entityIds.length)return;let i=++this.generation;this.stopStream(),this.windowEnd=t??null,this.windowStart=s??this.end-this.hours*xe,this.loading=!0,this.error=null,this.host.requestUpdate();try{let n=await ir(e,{entityIds:this.entityIds,start:new Date(this.windowStart),end:new Date(this.end),buckets:this.laneWidth});if(i!==this.generation)return;let o=Date.parse(n.start),a=Date.parse(n.end);this.lanes=this.entityIds.filter(l=>n.entities[l]).map(l=>me(l,n.entities[l],n.gaps,o,a)),this.gapsIntegrity=n.integrity,this.list=[],this.nextCursor=null,await this.loadMore(i),this.windowEnd===null&&i===this.generation&&await this.startStream(i)}catch(n){i===this.generation&&(this.error=O(n))}finally{i===this.generation&&(this.loading=!1),this.host.requestUpdate()}}async loadMore(s=this.generation){let t=this.hass;if(!(!t||this.listLoading||this.list.length&&!this.nextCursor)){this.listLoading=!0;try{let e=await ue(t,{entityIds:this.entityIds,start:new Date(this.windowStart),end:new Date(this.end),order:"desc",limit:yn,cursor:this.nextCursor});if(s!==this.generation)return;this.list=be(this.list,e.events),this.nextCursor=e.next_cursor}finally{this.listLoading=!1,this.host.requestUpdate()}}}lastSeq(){let s=this.list[0]?.seq??0;for(let t of this.lanes){s=Math.max(s,t.initial?.seq??0);for(let e of t.marks)s=Math.max(s,e.seq)}return s}async startStream(s){let t=this.hass,e=await lr(t,{entityIds:this.entityIds,afterSeq:this.lastSeq(),onEvents:i=>this.onLive(i),onError:i=>{this.error=O(i),this.host.requestUpdate()}});s!==this.generation?e():this.unsub=e}onLive(s){let t=this.now;this.lanes=this.lanes.map(i=>fr(i,s,Math.max(t,i.end)));let e=s.filter(i=>i.event_type!=="checkpoint"&&i.entity_id&&this.entityIds.includes(i.entity_id));this.list=be(e,this.list),this.host.requestUpdate()}statesAtCursor(){let s=this.cursor,t=new Map,e=!1;for(let i of this.lanes){let n=_r(i,Math.min(s,i.end));n.kind==="ask"?this.asked&&this.asked.t===s&&i.entityId in this.asked.states?t.set(i.entityId,{kind:"server",state:this.asked.states[i.entityId]??null}):e=!0:t.set(i.entityId,n)}return e&&this.askLater(s),t}askLater(s){window.clearTimeout(this.askTimer),this.askTimer=window.setTimeout(async()=>{if(this.hass){try{let t=await sr(this.hass,new Date(s),this.entityIds,!1);this.asked={t:s,states:t.states}}catch(t){this.error=O(t)}this.host.requestUpdate()}},200)}act(s,t){let e=this.now,i=this.clock;switch(s){case"play":this.clock=vr(i.live?ht(i,this.start,e):i,e);break;case"pause":this.clock=fe(i,e);break;case"speed":this.clock=br(i,t??1,e);break;case"live":this.clock=jt(e),this.windowEnd!==null&&this.load();break;case"prev":case"next":this.stepChange(s==="next"?1:-1);break;case"seek":this.clock=ht(i,t??e,e);break;case"jump":this.jump(t??e);return}this.host.requestUpdate()}stepChange(s){let t=this.now,e=this.cursor;if(ge(ye(this.lanes),e,s)!==null||s>0&&this.windowEnd===null){this.clock=xr(this.clock,ye(this.lanes),s,t);return}this.stepBeyond(e,s)}async stepBeyond(s,t){let e=this.hass;if(e)try{let n=(await ue(e,{entityIds:this.entityIds,start:new Date(t>0?s+1:0),end:new Date(t>0?vn():s-1),order:t>0?"asc":"desc",limit:1})).events[0];if(!n){t>0&&this.act("live");return}this.clock={...this.clock,playing:!1},await this.jump(Date.parse(n.time))}catch(i){this.error=O(i),this.host.requestUpdate()}}async jump(s){let t=this.now,e=this.hours*xe/2,i=s+e>=t,n=this.clock.playing;this.clock={...ht(this.clock,s,t),playing:n},await this.load(i?t-2*e:s-e,i?null:s+e)}async select(s,t,e){this.selection={seq:s,event:t,trace:null,links:{},loading:e||!t,error:null},this.host.requestUpdate(),!(!e&&t)&&await this.loadTrace(s)}async loadTrace(s){let t=this.hass,e=this.selection;if(!(!t||!e||e.seq!==s)){e.loading=!0,this.host.requestUpdate();try{let i=await rr(t,s),n={};for(let o of i.hops)(o.hop==="automation_run"||o.hop==="script_run")&&o.run_id&&(n[o.run_id]=await dr(t,o.entity_id,o.run_id));if(this.selection?.seq!==s)return;this.selection={...e,event:e.event??i.chain[0]??null,trace:i,links:n,loading:!1}}catch(i){this.selection?.seq===s&&(this.selection={...e,loading:!1,error:O(i)})}this.host.requestUpdate()}}closeSelection(){this.selection=null,this.host.requestUpdate()}};var $e=r=>r.user_id?r.user_id:(r.kind==="automation"||r.kind==="script")&&r.entity_id?r.entity_id:null,we=(r,s)=>{for(let t of Object.values(r))if(t.entity_id.startsWith("person.")&&t.attributes.user_id===s){let e=t.attributes.entity_picture;return typeof e=="string"?e:null}return null},bn=(r,s)=>{for(let t of Object.values(r))if(t.entity_id.startsWith("person.")&&t.attributes.user_id===s){let e=t.attributes.friendly_name;return typeof e=="string"?e:null}return null},it=(r,s)=>{let t=r[s]?.attributes.friendly_name;return typeof t=="string"&&t?t:s},xn=(r,s)=>{switch(r.kind){case"user":return r.user_name??(r.user_id?bn(s.states,r.user_id):null)??s.t("cause.unknown_user");case"automation":case"script":return r.name??(r.entity_id?it(s.states,r.entity_id):s.t(`cause.${r.kind}`));case"action":return r.service??s.t("cause.action");case"device":{let t=r.device_id?s.devices?.[r.device_id]:void 0;return t?.name_by_user??t?.name??r.platform??s.t("cause.device")}case"entity":return r.entity_id?it(s.states,r.entity_id):s.t("cause.entity");default:return s.t(`cause.${r.kind}`)}},$n=(r,s)=>{let t=[];return r.kind==="user"&&r.service&&t.push(r.service),(r.kind==="automation"||r.kind==="script")&&r.trigger&&t.push(r.trigger),r.via&&t.push(s.t("cause.via",{via:it(s.states,r.via)})),r.reason&&t.push(s.t(`reason.${r.reason}`)),t.length?t.join(" · "):null},Er=(r,s)=>({kind:r.kind,text:xn(r,s),detail:$n(r,s),picture:r.kind==="user"&&r.user_id?we(s.states,r.user_id):null,low:r.confidence==="low",unobserved:r.kind==="unobserved",actor:$e(r)});var Sr=new Set(["off","idle","closed","locked","not_home","standby","docked","paused","disarmed","below_horizon","0"]),wn=new Set(["unavailable","unknown"]),Ar=r=>r.toLowerCase().replace(/[^a-z0-9_]+/g,"_"),_e=(r,s)=>r.reduceRight((t,e)=>`var(${e}, ${t})`,s),Cr=["--blue-color","--teal-color","--amber-color","--purple-color","--cyan-color","--pink-color","--lime-color","--deep-orange-color"],_n=r=>[...r].reduce((s,t)=>s*31+t.charCodeAt(0)>>>0,7),Mr=(r,s,t)=>{if(s===null)return"transparent";if(wn.has(s))return _e(["--history-unavailable-color","--state-unavailable-color"],"var(--disabled-text-color, #bdbdbd)");let e=r.split(".",1)[0]??"",i=Ar(s),n=Sr.has(s)?"inactive":"active",o=[...t?[`--state-${e}-${Ar(t)}-${i}-color`]:[],`--state-${e}-${i}-color`];return Sr.has(s)||["on","open","unlocked","home","playing","heat","cool","active"].includes(s)?(o.push(`--state-${e}-${n}-color`,`--state-${n}-color`),_e(o,n==="active"?"var(--primary-color)":"var(--secondary-text-color)")):_e(o,`var(${Cr[_n(s)%Cr.length]}, var(--primary-color))`)};var zt=r=>{let s=st(r.localize?.bind(r));return{hass:r,t:s,fmt:Js(r.locale??{language:"en"},r.config?.time_zone??"UTC"),name:t=>it(r.states,t),state:(t,e)=>e===null?s("card.did_not_exist"):Ws(r.localize?.bind(r),t,e),color:(t,e)=>{let i=r.states[t]?.attributes.device_class;return Mr(t,e,typeof i=="string"?i:void 0)}}},kn=r=>r.split(/[\s._]+/).filter(Boolean).slice(0,2).map(s=>s[0].toUpperCase()).join(""),Z=(r,s,t=!1)=>{let e=Er(r,{states:s.hass.states,devices:s.hass.devices,t:s.t}),i=[e.low?s.t("cause.low"):null,e.unobserved?s.t("cause.unobserved"):null].filter(Boolean);return d`<span
    class="chip kind-${e.kind} ${e.low?"low":""} ${e.unobserved?"unobserved":""}"
    title=${[s.t(`cause.${e.kind}`),e.text,e.detail,...i].filter(Boolean).join(" · ")}
  >
    ${e.picture?d`<img class="avatar" src=${e.picture} alt="" />`:d`<span class="avatar">${kn(e.text)||"?"}</span>`}
    <span class="who">${e.text}</span>
    ${t&&e.detail?d`<span class="detail">${e.detail}</span>`:u}
    ${e.low?d`<span class="flag" aria-label=${s.t("cause.low")}>?</span>`:u}
  </span>`},L=A`
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
`;var Tr,Rr,Lr,nt,ke,Ee,Y=class extends(Lr=_,Rr=[b({attribute:!1})],Tr=[w()],Lr){constructor(){super(...arguments);g(this,ke,c(nt,8,this)),c(nt,11,this);g(this,Ee,c(nt,12,this)),c(nt,15,this);y(this,"ctrl",new ft(this));y(this,"ctxCache",null);y(this,"loadedKey","");y(this,"resolvedCache",null);y(this,"widthTimer")}static getConfigForm(){return Zs(st())}static getStubConfig(t){return Ys(t.states)}setConfig(t){this.config=Ks(t)}getCardSize(){return 4+2*(this.ctrl.lanes.length||(this.config?.entities?.length??1))}getGridOptions(){return{columns:12,min_columns:6,rows:"auto",min_rows:4}}get ctx(){return(!this.ctxCache||this.ctxCache.hass!==this.hass)&&(this.ctxCache={hass:this.hass,ctx:zt(this.hass)}),this.ctxCache.ctx}willUpdate(t){if(!this.hass||!this.config)return;this.ctrl.hass=this.hass;let e=this.resolved(),i=`${e.join(",")}|${this.config.hours_to_show}`;i!==this.loadedKey&&(this.loadedKey=i,this.ctrl.entityIds=e,this.ctrl.hours=this.config.hours_to_show??24,this.ctrl.load())}resolved(){let t=this.hass,e=[this.config,t.entities,t.devices,t.areas];return(!this.resolvedCache||e.some((i,n)=>i!==this.resolvedCache.key[n]))&&(this.resolvedCache={key:e,ids:Ot(this.config?.entities,this.config?.target,t)}),this.resolvedCache.ids}integrity(){let t=this.ctrl.gapsIntegrity;if(!t)return u;let e=this.ctx.t;if(t.ok===null)return d`<span class="integrity pending" title=${e("integrity.pending")}
        >◌ ${e("integrity.pending")}</span
      >`;if(t.ok){let i=t.verified_at?` · ${B(Date.parse(t.verified_at),this.ctx.fmt,!1)}`:"";return d`<span class="integrity ok" title=${e("integrity.ok",{checked:t.checked})+i}
        >✓ ${e("integrity.ok",{checked:t.checked})}</span
      >`}return d`<span class="integrity bad" role="alert"
      >⚠ ${e("integrity.bad",{seq:t.first_bad_seq??"?",reason:t.reason??""})}</span
    >`}render(){if(!this.config||!this.hass)return u;let t=this.ctx,e=this.ctrl,i=e.entityIds.length?d`
          ${e.error?d`<p class="error">${t.t("card.error",{message:e.error})}</p>`:u}
          <audit-trail-timeline
            .ctx=${t}
            .lanes=${e.lanes}
            .start=${e.start}
            .end=${e.end}
            .cursor=${e.cursor}
            .live=${e.clock.live}
            .growing=${e.windowEnd===null&&!e.error}
            .info=${e.statesAtCursor()}
            @width-changed=${n=>this.onWidth(n.detail.width)}
            @cursor-set=${n=>e.act("seek",n.detail.t)}
            @cursor-step=${n=>e.act(n.detail.dir>0?"next":"prev")}
            @mark-select=${n=>{e.select(n.detail.seq,n.detail.event,!1)}}
          ></audit-trail-timeline>
          <audit-trail-replay-bar
            .ctx=${t}
            .cursor=${e.cursor}
            .playing=${e.clock.playing}
            .live=${e.clock.live}
            .speed=${e.clock.speed}
            @replay=${n=>e.act(n.detail.action,n.detail.value)}
          ></audit-trail-replay-bar>
          <h3 class="sub">${t.t("card.changes")}</h3>
          <audit-trail-change-list
            .ctx=${t}
            .events=${e.list}
            .hasMore=${!!e.nextCursor}
            .loading=${e.listLoading||e.loading}
            @load-more=${()=>{e.loadMore()}}
            @change-select=${n=>{e.select(n.detail.seq,n.detail.event,n.detail.why)}}
          ></audit-trail-change-list>
          <audit-trail-why-dialog
            .ctx=${t}
            .selection=${e.selection}
            @closed=${()=>e.closeSelection()}
            @why-load=${n=>{e.loadTrace(n.detail.seq)}}
          ></audit-trail-why-dialog>
        `:d`<p class="muted">${t.t("card.no_entities")}</p>`;return d`<ha-card>
      <div class="header">
        <span class="title">${this.config.title??t.t("card.name")}</span>
        ${this.integrity()}
      </div>
      <div class="content">${i}</div>
    </ha-card>`}onWidth(t){Math.abs(t-this.ctrl.laneWidth)/this.ctrl.laneWidth<.25||(this.ctrl.laneWidth=t,window.clearTimeout(this.widthTimer),this.widthTimer=window.setTimeout(()=>{let e=this.ctrl.windowEnd;this.ctrl.load(this.ctrl.windowStart,e)},300))}};nt=R(Lr),ke=new WeakMap,Ee=new WeakMap,f(nt,4,"hass",Rr,Y,ke),f(nt,4,"config",Tr,Y,Ee),T(nt,Y),y(Y,"styles",[L,A`
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
    `]);var Hr=(r,s)=>Gs(r.states,s,st(r.localize?.bind(r))("card.suggestion"));var ot={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Ir=r=>(...s)=>({_$litDirective$:r,values:s}),Bt=class{constructor(s){}get _$AU(){return this._$AM._$AU}_$AT(s,t,e){this._$Ct=s,this._$AM=t,this._$Ci=e}_$AS(s,t){return this.update(s,t)}update(s,t){return this.render(...t)}};var{I:ma}=zs;var Pr=r=>r.strings===void 0;var En={},Dr=(r,s=En)=>r._$AH=s;var Se=Ir(class extends Bt{constructor(r){if(super(r),r.type!==ot.PROPERTY&&r.type!==ot.ATTRIBUTE&&r.type!==ot.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!Pr(r))throw Error("`live` bindings can only contain a single expression")}render(r){return r}update(r,[s]){if(s===D||s===u)return s;let t=r.element,e=r.name;if(r.type===ot.PROPERTY){if(s===t[e])return D}else if(r.type===ot.BOOLEAN_ATTRIBUTE){if(!!s===t.hasAttribute(e))return D}else if(r.type===ot.ATTRIBUTE&&t.getAttribute(e)===s+"")return D;return Dr(r),s}});var Sn=["user","automation","script","action","entity","device","system","unobserved","unknown"],An=864e5,Ae=200,Ur,qr,Or,Nr,Vr,jr,zr,Br,Fr,Wr,Kr,Zr,Yr,Gr,v,Ce,Me,Te,Re,Le,He,Ie,Pe,De,Ue,qe,Oe,Ne,E=class extends(Gr=_,Yr=[b({attribute:!1})],Zr=[b({type:Boolean})],Kr=[b({attribute:!1})],Wr=[b({attribute:!1})],Fr=[w()],Br=[w()],zr=[w()],jr=[w()],Vr=[w()],Nr=[w()],Or=[w()],qr=[w()],Ur=[w()],Gr){constructor(){super(...arguments);g(this,Ce,c(v,8,this)),c(v,11,this);g(this,Me,c(v,12,this,!1)),c(v,15,this);g(this,Te,c(v,16,this)),c(v,19,this);g(this,Re,c(v,20,this)),c(v,23,this);g(this,Le,c(v,24,this,[])),c(v,27,this);g(this,He,c(v,28,this,[])),c(v,31,this);g(this,Ie,c(v,32,this,"")),c(v,35,this);g(this,Pe,c(v,36,this,Date.now()-An)),c(v,39,this);g(this,De,c(v,40,this,null)),c(v,43,this);g(this,Ue,c(v,44,this,"")),c(v,47,this);g(this,qe,c(v,48,this,"")),c(v,51,this);g(this,Oe,c(v,52,this,null)),c(v,55,this);g(this,Ne,c(v,56,this,null)),c(v,59,this);y(this,"ctrl",new ft(this));y(this,"ctxCache",null)}get ctx(){return(!this.ctxCache||this.ctxCache.hass!==this.hass)&&(this.ctxCache={hass:this.hass,ctx:zt(this.hass)}),this.ctxCache.ctx}get entityIds(){return this.hass?Ot(this.picked,{area_id:this.areas},this.hass):[]}async apply(){if(!this.hass)return;this.message=null,this.ctrl.hass=this.hass,this.ctrl.entityIds=this.entityIds;let t=this.to===null||this.to>=Date.now()?null:this.to;this.ctrl.hours=((t??Date.now())-this.from)/36e5,await Promise.all([this.ctrl.load(this.from,t),this.loadActivity()])}async loadActivity(){try{this.activity=await nr(this.hass,new Date(this.from),this.to===null?void 0:new Date(this.to))}catch(t){this.message=O(t)}}toggle(t,e,i){let n=this[t];this[t]=i?[...n,e]:n.filter(o=>o!==e)}timeInput(t,e,i){let n=this.ctx.fmt.timeZone;return d`<label
      >${i}<input
        type="datetime-local"
        step="1"
        .value=${t===null?"":pt(t,n)}
        @change=${o=>{let a=o.target.value,l=ut(a,n);e(a===""?null:Number.isNaN(l)?t:l)}}
    /></label>`}picker(){let t=this.ctx,e=this.search.toLowerCase(),i=Object.keys(this.hass.states).sort(),n=i.filter(a=>!e||a.includes(e)||t.name(a).toLowerCase().includes(e)),o=i.filter(a=>this.picked.includes(a)||n.slice(0,Ae).includes(a));return d`<section class="pick">
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
        ${o.map(a=>d`<label
              ><input
                type="checkbox"
                .checked=${Se(this.picked.includes(a))}
                @change=${l=>this.toggle("picked",a,l.target.checked)}
              />${t.name(a)} <span class="muted">${a}</span></label
            >`)}
        ${n.length>Ae?d`<div class="muted">… ${n.length-Ae}</div>`:u}
      </div>
      <h2>${t.t("panel.areas")}</h2>
      <div class="checks short">
        ${Object.values(this.hass.areas??{}).map(a=>d`<label
              ><input
                type="checkbox"
                .checked=${Se(this.areas.includes(a.area_id))}
                @change=${l=>this.toggle("areas",a.area_id,l.target.checked)}
              />${a.name}</label
            >`)}
      </div>
      <h2>${t.t("panel.range")}</h2>
      <div class="row">
        ${this.timeInput(this.from,a=>this.from=a??this.from,t.t("panel.from"))}
        ${this.timeInput(this.to,a=>this.to=a,t.t("panel.to"))}
        <button class="primary" @click=${()=>{this.apply()}} ?disabled=${!this.entityIds.length}>
          ${t.t("panel.apply")}
        </button>
      </div>
    </section>`}filters(){let t=this.ctx;return d`<div class="row">
      <label
        >${t.t("panel.filter_kind")}<select
          @change=${e=>this.kind=e.target.value}
        >
          <option value="">${t.t("panel.all")}</option>
          ${Sn.map(e=>d`<option value=${e} ?selected=${e===this.kind}>${t.t(`cause.${e}`)}</option>`)}
        </select></label
      >
      <label
        >${t.t("panel.filter_actor")}<select
          @change=${e=>this.actor=e.target.value}
        >
          <option value="">${t.t("panel.all")}</option>
          ${(this.activity?.actors??[]).map(e=>d`<option value=${e.actor} ?selected=${e.actor===this.actor}>${e.name??e.actor}</option>`)}
        </select></label
      >
    </div>`}activitySection(){let t=this.ctx;return this.activity?d`<section>
      <h2>
        ${t.t("panel.activity")}
        <span class="muted">${t.t("panel.activity_total",{total:this.activity.total})}</span>
      </h2>
      <table>
        <tbody>
          ${this.activity.actors.map(e=>d`<tr>
                <td>
                  <button class="link" @click=${()=>this.actor=e.actor}>${e.name??e.actor}</button>
                  <span class="muted">${t.t(`cause.${e.kind}`)}</span>
                </td>
                <td class="num">${e.total}</td>
                <td class="muted">
                  ${Object.entries(e.by_entity).sort((i,n)=>n[1]-i[1]).slice(0,3).map(([i,n])=>`${t.name(i)} ${n}`).join(", ")}
                </td>
              </tr>`)}
        </tbody>
      </table>
    </section>`:u}render(){if(!this.hass)return u;let t=this.ctx,e=this.ctrl,i=e.list.filter(n=>(!this.kind||n.cause.kind===this.kind)&&(!this.actor||$e(n.cause)===this.actor));return d`
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
          ${this.message?d`<p class="error">${this.message}</p>`:u}
          ${e.error?d`<p class="error">${t.t("card.error",{message:e.error})}</p>`:u}
          ${e.lanes.length?d`
                  <audit-trail-timeline
                    .ctx=${t}
                    .lanes=${e.lanes}
                    .start=${e.start}
                    .end=${e.end}
                    .cursor=${e.cursor}
                    .live=${e.clock.live}
                    .growing=${e.windowEnd===null&&!e.error}
                    .info=${e.statesAtCursor()}
                    @cursor-set=${n=>e.act("seek",n.detail.t)}
                    @cursor-step=${n=>e.act(n.detail.dir>0?"next":"prev")}
                    @mark-select=${n=>{e.select(n.detail.seq,n.detail.event,!1)}}
                  ></audit-trail-timeline>
                  <audit-trail-replay-bar
                    .ctx=${t}
                    .cursor=${e.cursor}
                    .playing=${e.clock.playing}
                    .live=${e.clock.live}
                    .speed=${e.clock.speed}
                    @replay=${n=>e.act(n.detail.action,n.detail.value)}
                  ></audit-trail-replay-bar>
                  ${e.gapsIntegrity&&e.gapsIntegrity.ok===!1?d`<p class="error" role="alert">⚠ ${t.t("integrity.bad",{seq:e.gapsIntegrity.first_bad_seq??"?",reason:e.gapsIntegrity.reason??""})}</p>`:u}
                  ${this.filters()}
                  <audit-trail-change-list
                    .ctx=${t}
                    .events=${i}
                    .hasMore=${!!e.nextCursor}
                    .loading=${e.listLoading||e.loading}
                    .height=${480}
                    @load-more=${()=>{e.loadMore()}}
                    @change-select=${n=>{e.select(n.detail.seq,n.detail.event,n.detail.why)}}
                  ></audit-trail-change-list>
                `:d`<p class="muted">${e.loading?t.t("card.loading"):t.t("card.no_entities")}</p>`}
          ${this.activitySection()}
          <audit-trail-panel-tools
            .ctx=${t}
            .entityIds=${this.entityIds}
            .from=${this.from}
            .to=${this.to}
          ></audit-trail-panel-tools>
        </section>
      </main>
      <audit-trail-why-dialog
        .ctx=${t}
        .selection=${e.selection}
        @closed=${()=>e.closeSelection()}
        @why-load=${n=>{e.loadTrace(n.detail.seq)}}
      ></audit-trail-why-dialog>
    `}};v=R(Gr),Ce=new WeakMap,Me=new WeakMap,Te=new WeakMap,Re=new WeakMap,Le=new WeakMap,He=new WeakMap,Ie=new WeakMap,Pe=new WeakMap,De=new WeakMap,Ue=new WeakMap,qe=new WeakMap,Oe=new WeakMap,Ne=new WeakMap,f(v,4,"hass",Yr,E,Ce),f(v,4,"narrow",Zr,E,Me),f(v,4,"route",Kr,E,Te),f(v,4,"panel",Wr,E,Re),f(v,4,"picked",Fr,E,Le),f(v,4,"areas",Br,E,He),f(v,4,"search",zr,E,Ie),f(v,4,"from",jr,E,Pe),f(v,4,"to",Vr,E,De),f(v,4,"kind",Nr,E,Ue),f(v,4,"actor",Or,E,qe),f(v,4,"activity",qr,E,Oe),f(v,4,"message",Ur,E,Ne),T(v,E),y(E,"styles",[L,A`
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
      section.view {
        gap: 12px;
        background: transparent;
        border: none;
        padding: 0;
      }
      section.view > section {
        background: var(--card-background-color);
      }
      h2 {
        font-size: 1em;
        font-weight: 500;
        margin: 4px 0 0;
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
      section > button {
        align-self: flex-start;
      }
      .checks label {
        display: flex;
        gap: 6px;
        align-items: center;
        font-size: 0.9em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
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
      .checks label {
        flex-direction: row;
        color: var(--primary-text-color);
      }
      .primary {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border: none;
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
      .ok {
        color: var(--success-color, var(--primary-text-color));
      }
      .sha {
        word-break: break-all;
        font-family: var(--code-font-family, monospace);
        font-size: 0.85em;
      }
      audit-trail-timeline,
      audit-trail-replay-bar,
      audit-trail-change-list {
        background: var(--card-background-color);
        padding: 8px 12px;
        border-radius: 8px;
      }
    `]);var gt=52,Ft=(r,s)=>{let t=r.entity_id??"";switch(r.event_type){case"attributes_changed":return s.t("change.attributes");case"entity_added":return`${s.t("change.added")}: ${s.state(t,r.new_state)}`;case"entity_removed":return s.t("change.removed");case"annotation":case"correction":{let e=typeof r.payload?.message=="string"?r.payload.message:"",i=r.causation_seq===null?"":` (#${r.causation_seq})`;return`${s.t(`change.${r.event_type}`)}${i}: ${e}`}default:return r.old_state===r.new_state?s.t("change.attributes"):`${r.old_state===null?"—":s.state(t,r.old_state)} → ${r.new_state===null?"—":s.state(t,r.new_state)}`}},Qr,Jr,Xr,ti,ei,si,ri,S,Ve,je,ze,Be,Fe,We,U=class extends(ri=_,si=[b({attribute:!1})],ei=[b({attribute:!1})],ti=[b({type:Boolean})],Xr=[b({type:Boolean})],Jr=[b({type:Number})],Qr=[w()],ri){constructor(){super(...arguments);g(this,Ve,c(S,8,this)),c(S,11,this);g(this,je,c(S,12,this,[])),c(S,15,this);g(this,ze,c(S,16,this,!1)),c(S,19,this);g(this,Be,c(S,20,this,!1)),c(S,23,this);g(this,Fe,c(S,24,this,320)),c(S,27,this);g(this,We,c(S,28,this,0)),c(S,31,this)}onScroll(t){this.scrollPos=t.target.scrollTop}updated(){let t=ve(this.scrollPos,this.height,gt,this.events.length);!this.loading&&kr(t,this.events.length,this.hasMore)&&this.dispatchEvent(new CustomEvent("load-more",{bubbles:!0,composed:!0}))}open(t,e){this.dispatchEvent(new CustomEvent("change-select",{detail:{seq:t.seq,event:t,why:e},bubbles:!0,composed:!0}))}onKey(t,e){if(t.key!=="ArrowDown"&&t.key!=="ArrowUp")return;t.preventDefault();let i=e+(t.key==="ArrowDown"?1:-1);if(i<0||i>=this.events.length)return;let n=this.renderRoot.querySelector(".scroller"),o=i*gt;o<n.scrollTop?n.scrollTop=o:o+gt>n.scrollTop+this.height&&(n.scrollTop=o+gt-this.height),this.scrollPos=n.scrollTop,this.updateComplete.then(()=>this.renderRoot.querySelector(`[data-index="${i}"]`)?.focus())}row(t,e){let i=this.ctx;return d`<div
      class="row"
      role="listitem"
      tabindex="0"
      data-index=${e}
      @click=${()=>this.open(t,!1)}
      @keydown=${n=>n.key==="Enter"?this.open(t,!1):this.onKey(n,e)}
    >
      <div class="line1">
        <span class="name">${t.entity_id?i.name(t.entity_id):t.event_type}</span>
        <span class="change">${Ft(t,i)}</span>
      </div>
      <div class="line2">
        <span class="time">${B(Date.parse(t.time),i.fmt)}</span>
        ${Z(t.cause,i)}
        <button
          class="why"
          @click=${n=>{n.stopPropagation(),this.open(t,!0)}}
        >
          ${i.t("why.open")}
        </button>
      </div>
    </div>`}render(){if(!this.ctx)return u;let t=ve(this.scrollPos,this.height,gt,this.events.length),e=this.events.slice(t.first,t.last);return d`
      <div
        class="scroller"
        style="max-height:${this.height}px"
        @scroll=${this.onScroll}
        role="list"
        aria-label=${this.ctx.t("card.changes")}
      >
        <div style="height:${t.padTop}px"></div>
        ${e.map((i,n)=>this.row(i,t.first+n))}
        <div style="height:${t.padBottom}px"></div>
        ${!this.events.length&&!this.loading?d`<div class="empty muted">${this.ctx.t("card.no_changes")}</div>`:u}
        ${this.loading?d`<div class="empty muted">${this.ctx.t("card.loading")}</div>`:u}
      </div>
    `}};S=R(ri),Ve=new WeakMap,je=new WeakMap,ze=new WeakMap,Be=new WeakMap,Fe=new WeakMap,We=new WeakMap,f(S,4,"ctx",si,U,Ve),f(S,4,"events",ei,U,je),f(S,4,"hasMore",ti,U,ze),f(S,4,"loading",Xr,U,Be),f(S,4,"height",Jr,U,Fe),f(S,4,"scrollPos",Qr,U,We),T(S,U),y(U,"styles",[L,A`
      :host {
        display: block;
      }
      .scroller {
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      .row {
        height: ${gt}px;
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
    `]);var Cn=r=>{let s=e=>typeof e=="string"?e:e.toISOString(),t=new URLSearchParams({start:s(r.start),end:s(r.end),format:r.format});return r.entityIds?.length&&t.set("entity_id",r.entityIds.join(",")),`/api/audit_trail/export?${t.toString()}`},Mn=(r,s)=>(r?/filename="?([^";]+)"?/i.exec(r):null)?.[1]??s,At=class extends Error{constructor(t){super(`export failed: HTTP ${t}`);y(this,"status",t)}},ii=async(r,s)=>{let t=Cn(s),e=r.fetchWithAuth?await r.fetchWithAuth(t):await fetch(r.hassUrl?r.hassUrl(t):t,{headers:{Authorization:`Bearer ${r.auth?.data.access_token??""}`}});if(!e.ok)throw new At(e.status);return{blob:await e.blob(),filename:Mn(e.headers.get("Content-Disposition"),`audit-trail.${s.format}`),sha256:e.headers.get("X-Audit-Trail-SHA256")}};var ni=864e5,Tn=async r=>{if(!globalThis.crypto?.subtle)return null;let s=await crypto.subtle.digest("SHA-256",await r.arrayBuffer());return[...new Uint8Array(s)].map(t=>t.toString(16).padStart(2,"0")).join("")},oi,ai,ci,li,di,pi,ui,hi,mi,fi,gi,x,Ke,Ze,Ye,Ge,Qe,Je,Xe,ts,es,ss,C=class extends(gi=_,fi=[b({attribute:!1})],mi=[b({attribute:!1})],hi=[b({type:Number})],ui=[b({attribute:!1})],pi=[w()],di=[w()],li=[w()],ci=[w()],ai=[w()],oi=[w()],gi){constructor(){super(...arguments);g(this,Ke,c(x,8,this)),c(x,11,this);g(this,Ze,c(x,12,this,[])),c(x,15,this);g(this,Ye,c(x,16,this,Date.now()-ni)),c(x,19,this);g(this,Ge,c(x,20,this,null)),c(x,23,this);g(this,Qe,c(x,24,this,null)),c(x,27,this);g(this,Je,c(x,28,this,[Date.now()-ni,Date.now()])),c(x,31,this);g(this,Xe,c(x,32,this,null)),c(x,35,this);g(this,ts,c(x,36,this,null)),c(x,39,this);g(this,es,c(x,40,this,"jsonl")),c(x,43,this);g(this,ss,c(x,44,this,null)),c(x,47,this)}async runDiff(){try{this.diff=await or(this.ctx.hass,new Date(this.diffAt[0]),new Date(this.diffAt[1]),this.entityIds.length?this.entityIds:void 0)}catch(t){this.message=O(t)}}async runVerify(){this.verify="running";try{this.verify=await ar(this.ctx.hass)}catch(t){this.verify=null,this.message=O(t)}}async runExport(){let t=this.ctx.t;try{let e=this.to??Date.now(),i=await ii(this.ctx.hass,{start:new Date(this.from),end:new Date(e),format:this.format,entityIds:this.entityIds}),n=await Tn(i.blob);this.exported={file:i.filename,sha:i.sha256,matches:n===null||i.sha256===null?null:n===i.sha256.toLowerCase()};let o=URL.createObjectURL(i.blob),a=document.createElement("a");a.href=o,a.download=i.filename,a.click(),setTimeout(()=>URL.revokeObjectURL(o),1e4)}catch(e){this.message=e instanceof At?t("panel.export_failed",{status:e.status}):O(e)}}timeInput(t,e,i){let n=this.ctx.fmt.timeZone;return d`<label
      >${i}<input
        type="datetime-local"
        step="1"
        .value=${t===null?"":pt(t,n)}
        @change=${o=>{let a=o.target.value,l=ut(a,n);e(a===""?null:Number.isNaN(l)?t:l)}}
    /></label>`}diffSection(){let t=this.ctx,e=Object.entries(this.diff?.changes??{});return d`<section>
      <h2>${t.t("panel.diff")}</h2>
      <div class="row">
        ${this.timeInput(this.diffAt[0],i=>this.diffAt=[i??this.diffAt[0],this.diffAt[1]],t.t("panel.from"))}
        ${this.timeInput(this.diffAt[1],i=>this.diffAt=[this.diffAt[0],i??this.diffAt[1]],t.t("panel.to"))}
        <button @click=${()=>{this.runDiff()}}>${t.t("panel.diff_run")}</button>
      </div>
      ${this.diff&&!e.length?d`<p class="muted">${t.t("panel.diff_none")}</p>`:u}
      ${e.length?d`<table>
              <tbody>
                ${e.map(([i,n])=>d`<tr>
                      <td>${t.name(i)}</td>
                      <td>
                        ${t.state(i,n.before?.state??null)} → ${t.state(i,n.after?.state??null)}
                      </td>
                      <td class="muted">${t.t("panel.diff_transitions",{count:n.transitions})}</td>
                    </tr>`)}
              </tbody>
            </table>`:u}
    </section>`}toolsSection(){let t=this.ctx,e=this.verify;return d`<section>
      <h2>${t.t("panel.verify")}</h2>
      <button @click=${()=>{this.runVerify()}} ?disabled=${e==="running"}>
        ${t.t("panel.verify")}
      </button>
      ${e==="running"?d`<span class="muted">${t.t("card.loading")}</span>`:u}
      ${e&&e!=="running"?e.ok?d`<p class="ok">✓ ${t.t("panel.verify_ok",{checked:e.checked})}</p>`:d`<p class="error" role="alert">
                ⚠
                ${t.t("panel.verify_bad",{seq:e.first_bad_seq??"?",reason:e.reason??"",checked:e.checked})}
              </p>`:u}
      <h2>${t.t("panel.export")}</h2>
      <div class="row">
        <select
          @change=${i=>this.format=i.target.value}
        >
          <option value="jsonl" ?selected=${this.format==="jsonl"}>JSON Lines</option>
          <option value="csv" ?selected=${this.format==="csv"}>CSV</option>
        </select>
        <button @click=${()=>{this.runExport()}} ?disabled=${!this.entityIds.length}>
          ${t.t("panel.export")}
        </button>
      </div>
      ${this.exported?d`<p class="sha">
              ${t.t("panel.export_sha",{file:this.exported.file,sha:this.exported.sha??"—"})}
              ${this.exported.matches===!0?d`<span class="ok">✓</span>`:this.exported.matches===!1?d`<span class="error" title=${t.t("panel.export_sha_mismatch")}>≠ ${t.t("panel.export_sha_mismatch")}</span>`:u}
            </p>`:u}
    </section>`}render(){return this.ctx?d`${this.message?d`<p class="error">${this.message}</p>`:u} ${this.diffSection()}
    ${this.toolsSection()}`:u}};x=R(gi),Ke=new WeakMap,Ze=new WeakMap,Ye=new WeakMap,Ge=new WeakMap,Qe=new WeakMap,Je=new WeakMap,Xe=new WeakMap,ts=new WeakMap,es=new WeakMap,ss=new WeakMap,f(x,4,"ctx",fi,C,Ke),f(x,4,"entityIds",mi,C,Ze),f(x,4,"from",hi,C,Ye),f(x,4,"to",ui,C,Ge),f(x,4,"diff",pi,C,Qe),f(x,4,"diffAt",di,C,Je),f(x,4,"verify",li,C,Xe),f(x,4,"exported",ci,C,ts),f(x,4,"format",ai,C,es),f(x,4,"message",oi,C,ss),T(x,C),y(C,"styles",[L,A`
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
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
    `]);var Wt={prev:"M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z",next:"M16,18H18V6H16M6,18L14.5,12L6,6V18Z",play:"M8,5.14V19.14L19,12.14L8,5.14Z",pause:"M14,19H18V5H14M6,19H10V5H6V19Z"},Kt=r=>Ns`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d=${r}></path></svg>`,yi,vi,bi,xi,$i,wi,M,rs,is,ns,os,as,N=class extends(wi=_,$i=[b({attribute:!1})],xi=[b({type:Number})],bi=[b({type:Boolean})],vi=[b({type:Boolean})],yi=[b({type:Number})],wi){constructor(){super(...arguments);g(this,rs,c(M,8,this)),c(M,11,this);g(this,is,c(M,12,this,0)),c(M,15,this);g(this,ns,c(M,16,this,!1)),c(M,19,this);g(this,os,c(M,20,this,!0)),c(M,23,this);g(this,as,c(M,24,this,1)),c(M,27,this)}act(t,e){this.dispatchEvent(new CustomEvent("replay",{detail:{action:t,value:e},bubbles:!0,composed:!0}))}onJump(t){let e=t.target,i=ut(e.value,this.ctx.fmt.timeZone);if(Number.isNaN(i)){e.setCustomValidity(this.ctx.t("replay.jump")),e.reportValidity();return}e.setCustomValidity(""),this.act("jump",i)}render(){if(!this.ctx)return u;let t=this.ctx.t;return d`
      <button @click=${()=>this.act("prev")} aria-label=${t("replay.prev")} title=${t("replay.prev")}>
        ${Kt(Wt.prev)}
      </button>
      ${this.playing?d`<button
              @click=${()=>this.act("pause")}
              aria-label=${t("replay.pause")}
              title=${t("replay.pause")}
            >
              ${Kt(Wt.pause)}
            </button>`:d`<button
              @click=${()=>this.act("play")}
              aria-label=${t("replay.play")}
              title=${t("replay.play")}
            >
              ${Kt(Wt.play)}
            </button>`}
      <button @click=${()=>this.act("next")} aria-label=${t("replay.next")} title=${t("replay.next")}>
        ${Kt(Wt.next)}
      </button>
      <select
        aria-label=${t("replay.speed")}
        title=${t("replay.speed")}
        @change=${e=>this.act("speed",Number(e.target.value))}
      >
        ${gr.map(e=>d`<option value=${e} ?selected=${e===this.speed}>${e}×</option>`)}
      </select>
      <button
        class="live ${this.live?"on":""}"
        @click=${()=>this.act("live")}
        aria-pressed=${this.live?"true":"false"}
      >
        ● ${t("card.live")}
      </button>
      <span class="at" aria-live="polite">${this.live?"":B(this.cursor,this.ctx.fmt)}</span>
      <input
        type="datetime-local"
        step="1"
        aria-label=${t("replay.jump")}
        title=${t("replay.jump")}
        .value=${pt(this.cursor,this.ctx.fmt.timeZone)}
        @change=${this.onJump}
      />
    `}};M=R(wi),rs=new WeakMap,is=new WeakMap,ns=new WeakMap,os=new WeakMap,as=new WeakMap,f(M,4,"ctx",$i,N,rs),f(M,4,"cursor",xi,N,is),f(M,4,"playing",bi,N,ns),f(M,4,"live",vi,N,os),f(M,4,"speed",yi,N,as),T(M,N),y(N,"styles",[L,A`
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
    `]);var _i=(r,s)=>{let t=[];for(let e of[...r].sort((i,n)=>i.time-n.time||i.seq-n.seq)){let i=t[t.length-1];if(i&&e.time-i.time<s){let n=i.kind==="state"||e.kind==="state"?"state":e.kind;t[t.length-1]={...e,kind:n,count:i.count+e.count,time:i.time}}else t.push({...e})}return t};var Rn=7,ki,Ei,Si,Ai,Ci,Mi,Ti,Ri,Li,$,cs,ls,ds,ps,us,hs,ms,fs,H=class extends(Li=_,Ri=[b({attribute:!1})],Ti=[b({attribute:!1})],Mi=[b({type:Number})],Ci=[b({type:Number})],Ai=[b({type:Number})],Si=[b({type:Boolean})],Ei=[b({type:Boolean})],ki=[b({attribute:!1})],Li){constructor(){super(...arguments);g(this,cs,c($,8,this)),c($,11,this);g(this,ls,c($,12,this,[])),c($,15,this);g(this,ds,c($,16,this,0)),c($,19,this);g(this,ps,c($,20,this,0)),c($,23,this);g(this,us,c($,24,this,0)),c($,27,this);g(this,hs,c($,28,this,!0)),c($,31,this);g(this,ms,c($,32,this,!1)),c($,35,this);g(this,fs,c($,36,this,new Map)),c($,39,this);y(this,"width",0);y(this,"observer");y(this,"dragging",!1)}connectedCallback(){super.connectedCallback(),this.observer=new ResizeObserver(t=>{let e=Math.round(t[0]?.contentRect.width??0);e&&Math.abs(e-this.width)>1&&(this.width=e,this.dispatchEvent(new CustomEvent("width-changed",{detail:{width:e},bubbles:!0,composed:!0})),this.requestUpdate())})}disconnectedCallback(){super.disconnectedCallback(),this.observer?.disconnect()}firstUpdated(t){let e=this.renderRoot.querySelector(".tracks");e&&this.observer?.observe(e)}inWindow(t){return t[0]&&t[0].time>=this.start?t:t.filter(e=>e.time>=this.start)}pct(t){let e=this.end-this.start;return e>0?Math.min(100,Math.max(0,(t-this.start)/e*100)):0}timeAt(t){let e=this.renderRoot.querySelector(".tracks").getBoundingClientRect(),i=Math.min(1,Math.max(0,(t-e.left)/Math.max(1,e.width)));return this.start+i*(this.end-this.start)}emit(t,e){this.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}onPointer(t,e){let i=t.target;if(!i.closest(".mark")){if(e==="down"){if(!i.closest(".track"))return;this.dragging=!0,t.currentTarget.setPointerCapture?.(t.pointerId)}this.dragging&&(e==="up"&&(this.dragging=!1),this.emit("cursor-set",{t:this.timeAt(t.clientX)}))}}onKey(t){let i={ArrowLeft:()=>this.emit("cursor-step",{dir:-1}),ArrowRight:()=>this.emit("cursor-step",{dir:1}),Home:()=>this.emit("cursor-set",{t:this.start}),End:()=>this.emit("cursor-set",{t:this.end})}[t.key];i&&t.target.classList.contains("tracks")&&(t.preventDefault(),i())}segment(t,e){let i=this.pct(e.start),n=this.growing&&e.end>=t.end&&e.kind!=="gap"?this.end:e.end,o=Math.max(.15,this.pct(n)-i),a=this.ctx,l=e.kind==="gap"?a.t("card.not_recorded",{reason:a.t(`gap.${e.reason}`)}):e.kind==="dense"?`${a.t("card.dense",{count:e.count??0})} → ${a.state(t.entityId,e.state)}`:a.state(t.entityId,e.state),h=e.kind==="gap"?"":`background:${a.color(t.entityId,e.state)}`;return d`<div
      class="seg ${e.kind}"
      style="left:${i}%;width:${o}%;${h}"
      title=${l}
    ></div>`}mark(t,e){let i=this.ctx,n=`${Vt(e.time,i.fmt)} ${i.name(t.entityId)}${e.count>1?` (${i.t("card.dense",{count:e.count})})`:""}`;return d`<button
      class="mark ${e.kind} ${e.cause.confidence==="low"?"low":""} ${e.cause.kind==="unobserved"?"unobserved":""}"
      style="left:${this.pct(e.time)}%"
      aria-label=${n}
      title=${n}
      @click=${()=>this.emit("mark-select",{seq:e.seq,event:e.count===1?e.event??null:null})}
    ></button>`}laneInfo(t){let e=this.ctx,i=this.info.get(t.entityId);if(!i||i.kind==="ask")return d`<span class="muted">…</span>`;if(i.kind==="gap")return d`<span class="gapnote"
        >${e.t("card.not_recorded",{reason:e.t(`gap.${i.reason}`)})}</span
      >`;let n=i.kind==="server"?i.state?.state??null:i.state,o=i.kind==="server"?i.state?Date.parse(i.state.last_changed):null:i.since,a=i.kind==="server"?i.state?.cause:i.cause,l=i.kind==="state"&&i.approx;return d`<span class="swatch" style="background:${e.color(t.entityId,n)}"></span>
      <span class="state">${e.state(t.entityId,n)}</span>
      ${o!==null&&n!==null?d`<span class="muted"
              >${e.t(l?"card.state_for_approx":"card.state_for",{duration:tr(this.cursor-o)})}</span
            >`:u}
      ${a&&n!==null?Z(a,e):u}`}tick(t,e){let i=this.pct(t),n=i<8?"0":i>92?"-100%":"-50%",o=`${e?`${Xs(t,this.ctx.fmt)} `:""}${Vt(t,this.ctx.fmt,!1)}`;return d`<span style="left:${i}%;transform:translateX(${n})">${o}</span>`}render(){if(!this.ctx)return u;let t=this.width?(this.end-this.start)/this.width*Rn:0,e=er(this.start,this.end,Math.max(2,Math.floor((this.width||300)/80)),this.ctx.fmt.timeZone),i=this.end-this.start>36*36e5;return d`
      <div
        class="tracks"
        tabindex="0"
        role="slider"
        aria-label=${this.ctx.t("replay.cursor")}
        aria-valuemin=${this.start}
        aria-valuemax=${this.end}
        aria-valuenow=${Math.round(this.cursor)}
        aria-valuetext=${Vt(this.cursor,this.ctx.fmt)}
        @pointerdown=${n=>this.onPointer(n,"down")}
        @pointermove=${n=>this.onPointer(n,"move")}
        @pointerup=${n=>this.onPointer(n,"up")}
        @keydown=${this.onKey}
      >
        ${this.lanes.map(n=>d`<div class="head">
                <span class="name">${this.ctx.name(n.entityId)}</span>${this.laneInfo(n)}
              </div>
              <div class="track" data-entity=${n.entityId}>
                ${n.segments.map(o=>this.segment(n,o))}
                ${_i(this.inWindow(n.marks),t).map(o=>this.mark(n,o))}
              </div>`)}
        <div class="cursor ${this.live?"live":""}" style="left:${this.pct(this.cursor)}%"></div>
      </div>
      <div class="axis">${e.map(n=>this.tick(n,i))}</div>
    `}};$=R(Li),cs=new WeakMap,ls=new WeakMap,ds=new WeakMap,ps=new WeakMap,us=new WeakMap,hs=new WeakMap,ms=new WeakMap,fs=new WeakMap,f($,4,"ctx",Ri,H,cs),f($,4,"lanes",Ti,H,ls),f($,4,"start",Mi,H,ds),f($,4,"end",Ci,H,ps),f($,4,"cursor",Ai,H,us),f($,4,"live",Si,H,hs),f($,4,"growing",Ei,H,ms),f($,4,"info",ki,H,fs),T($,H),y(H,"styles",[L,A`
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
        height: 22px;
        background: var(--secondary-background-color);
        border-radius: 3px;
      }
      .seg {
        position: absolute;
        top: 0;
        bottom: 0;
      }
      .seg.none {
        background: transparent;
      }
      .seg.dense {
        background-image: repeating-linear-gradient(90deg, transparent 0 2px, rgba(0, 0, 0, 0.25) 2px 3px);
      }
      .seg.gap {
        background: repeating-linear-gradient(45deg, var(--divider-color) 0 3px, transparent 3px 7px);
        border-left: 1px solid var(--error-color);
        border-right: 1px solid var(--error-color);
        box-sizing: border-box;
      }
      .mark {
        position: absolute;
        top: -5px;
        width: 10px;
        height: 10px;
        min-height: 0;
        margin-left: -5px;
        padding: 0;
        border-radius: 50%;
        border: 2px solid var(--card-background-color, var(--primary-background-color));
        background: var(--primary-text-color);
      }
      .mark.attributes {
        top: -3px;
        width: 6px;
        height: 6px;
        margin-left: -3px;
        border-width: 1px;
        background: var(--secondary-text-color);
      }
      .mark.bucket {
        top: -3px;
        width: 6px;
        height: 6px;
        margin-left: -3px;
        border-width: 1px;
        background: var(--secondary-text-color);
      }
      .mark.note {
        border-radius: 2px;
        background: var(--info-color, var(--primary-color));
      }
      .mark.low,
      .mark.unobserved {
        background: var(--warning-color);
      }
      .cursor {
        position: absolute;
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
      .head .state {
        font-weight: 500;
      }
      .gapnote {
        color: var(--warning-color);
      }
    `]);var Hi,Ii,Pi,at,gs,ys,G=class extends(Pi=_,Ii=[b({attribute:!1})],Hi=[b({attribute:!1})],Pi){constructor(){super(...arguments);g(this,gs,c(at,8,this)),c(at,11,this);g(this,ys,c(at,12,this,null)),c(at,15,this)}updated(t){if(!t.has("selection"))return;let e=this.renderRoot.querySelector("dialog");e&&(this.selection&&!e.open&&(e.showModal?e.showModal():e.setAttribute("open","")),!this.selection&&e.open&&e.close?.())}emit(t,e){this.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}hop(t){let e=this.ctx;switch(t.hop){case"state_change":return d`<li class="hop change">
          <div><b>${t.entity_id?e.name(t.entity_id):t.event_type}</b> ${Ft(t,e)}</div>
          <div class="muted">${B(Date.parse(t.time),e.fmt)}</div>
          <div>${Z(t.cause,e,!0)}</div>
        </li>`;case"automation_run":case"script_run":{let i=t.run_id?this.selection?.links[t.run_id]:void 0;return d`<li class="hop run">
          <div>${e.t("why.run",{name:t.name??it(e.hass.states,t.entity_id)})}</div>
          ${t.trigger?d`<div class="muted">${t.trigger}</div>`:u}
          ${t.service?d`<div class="muted">${t.service}</div>`:u}
          ${i?.kind==="link"?d`<a href=${i.url} @click=${n=>this.navigate(n,i.url)}>${e.t("why.trace_link")}</a>`:u}
          ${i?.kind==="gone"?d`<div class="muted">${e.t("why.trace_gone")}</div>`:u}
        </li>`}case"action_call":return d`<li class="hop action">${e.t("why.action",{service:t.service})}</li>`;case"user":{let i=we(e.hass.states,t.user_id);return d`<li class="hop user">
          ${i?d`<img class="avatar" src=${i} alt="" />`:u}
          ${e.t("why.user",{name:t.user_name??e.t("cause.unknown_user")})}
        </li>`}case"device":{let i=t.device_id?e.hass.devices?.[t.device_id]:void 0;return d`<li class="hop device">
          ${e.t("why.device",{name:i?.name_by_user??i?.name??t.platform??""})}
        </li>`}}}navigate(t,e){t.preventDefault(),history.pushState(null,"",e),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1}})),this.emit("closed")}render(){if(!this.ctx)return u;let t=this.ctx,e=this.selection,i=e?.event;return d`<dialog
      @close=${()=>this.emit("closed")}
      @cancel=${()=>this.emit("closed")}
      aria-labelledby="title"
    >
      ${e?d`
              <div class="top">
                <h2 id="title">${i?.entity_id?t.name(i.entity_id):t.t("why.title")}</h2>
                <button @click=${()=>this.emit("closed")} aria-label=${t.t("common.close")}>✕</button>
              </div>
              ${i?d`<div class="what">${Ft(i,t)}</div>
                      <div class="muted">${B(Date.parse(i.time),t.fmt)} · #${i.seq}</div>
                      <div class="cause">${Z(i.cause,t,!0)}</div>`:u}
              ${e.error?d`<p class="error">${e.error}</p>`:u}
              ${e.loading?d`<p class="muted">${t.t("why.loading")}</p>`:u}
              ${!e.trace&&!e.loading?d`<button class="primary" @click=${()=>this.emit("why-load",{seq:e.seq})}>
                      ${t.t("why.open")}
                    </button>`:u}
              ${e.trace?d`<h3>${t.t("why.title")}</h3>
                      <ol class="chain">
                        ${e.trace.hops.map(n=>this.hop(n))}
                      </ol>
                      <div class="root">
                        <span class="muted">${t.t("why.root")}:</span> ${Z(e.trace.root,t,!0)}
                      </div>`:u}
            `:u}
    </dialog>`}};at=R(Pi),gs=new WeakMap,ys=new WeakMap,f(at,4,"ctx",Ii,G,gs),f(at,4,"selection",Hi,G,ys),T(at,G),y(G,"styles",[L,A`
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
    `]);var Ln=[["audit-trail-timeline",H],["audit-trail-change-list",U],["audit-trail-replay-bar",N],["audit-trail-why-dialog",G],["audit-trail-panel-tools",C],[dt,Y],["audit-trail-panel",E]];for(let[r,s]of Ln)customElements.get(r)||customElements.define(r,s);var Zt=window;Zt.customCards=Zt.customCards??[];if(!Zt.customCards.some(r=>r.type===dt)){let r=st();Zt.customCards.push({type:dt,name:r("card.name"),description:r("card.description"),preview:!0,getEntitySuggestion:Hr})}
