var zi=Object.create;var re=Object.defineProperty;var Bi=Object.getOwnPropertyDescriptor;var Ts=(r,e)=>(e=Symbol[r])?e:Symbol.for("Symbol."+r),ct=r=>{throw TypeError(r)};var Ms=(r,e,t)=>e in r?re(r,e,{enumerable:!0,configurable:!0,writable:!0,value:t}):r[e]=t;var As=(r,e)=>re(r,"name",{value:e,configurable:!0});var R=r=>[,,,zi(r?.[Ts("metadata")]??null)],Rs=["class","method","getter","setter","accessor","field","value","get","set"],gt=r=>r!==void 0&&typeof r!="function"?ct("Function expected"):r,Fi=(r,e,t,s,i)=>({kind:Rs[r],name:e,metadata:s,addInitializer:n=>t._?ct("Already initialized"):i.push(gt(n||null))}),M=(r,e)=>Ms(e,Ts("metadata"),r[3]),c=(r,e,t,s)=>{for(var i=0,n=r[e>>1],o=n&&n.length;i<o;i++)e&1?n[i].call(t):s=n[i].call(t,s);return s},f=(r,e,t,s,i,n)=>{var o,a,d,h,p,m=e&7,P=!!(e&8),k=!!(e&16),W=m>3?r.length+1:m?P?1:2:0,ks=Rs[m+5],Ss=m>3&&(r[W-1]=[]),ji=r[W]||(r[W]=[]),q=m&&(!k&&!P&&(i=i.prototype),m<5&&(m>3||!k)&&Bi(m<4?i:{get[t](){return Es(this,n)},set[t](D){return Cs(this,n,D)}},t));m?k&&m<4&&As(n,(m>2?"set ":m>1?"get ":"")+t):As(i,t);for(var ee=s.length-1;ee>=0;ee--)h=Fi(m,t,d={},r[3],ji),m&&(h.static=P,h.private=k,p=h.access={has:k?D=>Wi(i,D):D=>t in D},m^3&&(p.get=k?D=>(m^1?Es:Ki)(D,i,m^4?n:q.get):D=>D[t]),m>2&&(p.set=k?(D,se)=>Cs(D,i,se,m^4?n:q.set):(D,se)=>D[t]=se)),a=(0,s[ee])(m?m<4?k?n:q[ks]:m>4?void 0:{get:q.get,set:q.set}:i,h),d._=1,m^4||a===void 0?gt(a)&&(m>4?Ss.unshift(a):m?k?n=a:q[ks]=a:i=a):typeof a!="object"||a===null?ct("Object expected"):(gt(o=a.get)&&(q.get=o),gt(o=a.set)&&(q.set=o),gt(o=a.init)&&Ss.unshift(o));return m||M(r,i),q&&re(i,t,q),k?m^4?n:q:i},y=(r,e,t)=>Ms(r,typeof e!="symbol"?e+"":e,t),ie=(r,e,t)=>e.has(r)||ct("Cannot "+t),Wi=(r,e)=>Object(e)!==e?ct('Cannot use the "in" operator on this value'):r.has(e),Es=(r,e,t)=>(ie(r,e,"read from private field"),t?t.call(r):e.get(r)),g=(r,e,t)=>e.has(r)?ct("Cannot add the same private member more than once"):e instanceof WeakSet?e.add(r):e.set(r,t),Cs=(r,e,t,s)=>(ie(r,e,"write to private field"),s?s.call(r,t):e.set(r,t),t),Ki=(r,e,t)=>(ie(r,e,"access private method"),t);var Ct=globalThis,Tt=Ct.ShadowRoot&&(Ct.ShadyCSS===void 0||Ct.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ne=Symbol(),Ls=new WeakMap,yt=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==ne)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(Tt&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Ls.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Ls.set(t,e))}return e}toString(){return this.cssText}},Hs=r=>new yt(typeof r=="string"?r:r+"",void 0,ne),E=(r,...e)=>{let t=r.length===1?r[0]:e.reduce((s,i,n)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+r[n+1],r[0]);return new yt(t,r,ne)},Ps=(r,e)=>{if(Tt)r.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),i=Ct.litNonce;i!==void 0&&s.setAttribute("nonce",i),s.textContent=t.cssText,r.appendChild(s)}},oe=Tt?r=>r:r=>r instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Hs(t)})(r):r;var{is:Zi,defineProperty:Yi,getOwnPropertyDescriptor:Gi,getOwnPropertyNames:Qi,getOwnPropertySymbols:Ji,getPrototypeOf:Xi}=Object,Mt=globalThis,Ds=Mt.trustedTypes,tn=Ds?Ds.emptyScript:"",en=Mt.reactiveElementPolyfillSupport,vt=(r,e)=>r,bt={toAttribute(r,e){switch(e){case Boolean:r=r?tn:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,e){let t=r;switch(e){case Boolean:t=r!==null;break;case Number:t=r===null?null:Number(r);break;case Object:case Array:try{t=JSON.parse(r)}catch{t=null}}return t}},Rt=(r,e)=>!Zi(r,e),Is={attribute:!0,type:String,converter:bt,reflect:!1,useDefault:!1,hasChanged:Rt};Symbol.metadata??=Symbol("metadata"),Mt.litPropertyMetadata??=new WeakMap;var j=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Is){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),i=this.getPropertyDescriptor(e,s,t);i!==void 0&&Yi(this.prototype,e,i)}}static getPropertyDescriptor(e,t,s){let{get:i,set:n}=Gi(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:i,set(o){let a=i?.call(this);n?.call(this,o),this.requestUpdate(e,a,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Is}static _$Ei(){if(this.hasOwnProperty(vt("elementProperties")))return;let e=Xi(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(vt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(vt("properties"))){let t=this.properties,s=[...Qi(t),...Ji(t)];for(let i of s)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,i]of t)this.elementProperties.set(s,i)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let i=this._$Eu(t,s);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let i of s)t.unshift(oe(i))}else e!==void 0&&t.push(oe(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ps(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,s);if(i!==void 0&&s.reflect===!0){let n=(s.converter?.toAttribute!==void 0?s.converter:bt).toAttribute(t,s.type);this._$Em=e,n==null?this.removeAttribute(i):this.setAttribute(i,n),this._$Em=null}}_$AK(e,t){let s=this.constructor,i=s._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let n=s.getPropertyOptions(i),o=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:bt;this._$Em=i;let a=o.fromAttribute(t,n.type);this[i]=a??this._$Ej?.get(i)??a,this._$Em=null}}requestUpdate(e,t,s,i=!1,n){if(e!==void 0){let o=this.constructor;if(i===!1&&(n=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??Rt)(n,t)||s.useDefault&&s.reflect&&n===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:i,wrapped:n},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),n!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,n]of this._$Ep)this[i]=n;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[i,n]of s){let{wrapped:o}=n,a=this[i];o!==!0||this._$AL.has(i)||a===void 0||this.C(i,void 0,n,a)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};j.elementStyles=[],j.shadowRootOptions={mode:"open"},j[vt("elementProperties")]=new Map,j[vt("finalized")]=new Map,en?.({ReactiveElement:j}),(Mt.reactiveElementVersions??=[]).push("2.1.2");var ce=globalThis,Us=r=>r,Lt=ce.trustedTypes,qs=Lt?Lt.createPolicy("lit-html",{createHTML:r=>r}):void 0,le="$lit$",z=`lit$${Math.random().toFixed(9).slice(2)}$`,de="?"+z,sn=`<${de}>`,X=document,$t=()=>X.createComment(""),wt=r=>r===null||typeof r!="object"&&typeof r!="function",pe=Array.isArray,Bs=r=>pe(r)||typeof r?.[Symbol.iterator]=="function",ae=`[ 	
\f\r]`,xt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Os=/-->/g,Vs=/>/g,Q=RegExp(`>|${ae}(?:([^\\s"'>=/]+)(${ae}*=${ae}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ns=/'/g,js=/"/g,Fs=/^(?:script|style|textarea|title)$/i,ue=r=>(e,...t)=>({_$litType$:r,strings:e,values:t}),l=ue(1),Ws=ue(2),Bn=ue(3),I=Symbol.for("lit-noChange"),u=Symbol.for("lit-nothing"),zs=new WeakMap,J=X.createTreeWalker(X,129);function Ks(r,e){if(!pe(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return qs!==void 0?qs.createHTML(e):e}var Zs=(r,e)=>{let t=r.length-1,s=[],i,n=e===2?"<svg>":e===3?"<math>":"",o=xt;for(let a=0;a<t;a++){let d=r[a],h,p,m=-1,P=0;for(;P<d.length&&(o.lastIndex=P,p=o.exec(d),p!==null);)P=o.lastIndex,o===xt?p[1]==="!--"?o=Os:p[1]!==void 0?o=Vs:p[2]!==void 0?(Fs.test(p[2])&&(i=RegExp("</"+p[2],"g")),o=Q):p[3]!==void 0&&(o=Q):o===Q?p[0]===">"?(o=i??xt,m=-1):p[1]===void 0?m=-2:(m=o.lastIndex-p[2].length,h=p[1],o=p[3]===void 0?Q:p[3]==='"'?js:Ns):o===js||o===Ns?o=Q:o===Os||o===Vs?o=xt:(o=Q,i=void 0);let k=o===Q&&r[a+1].startsWith("/>")?" ":"";n+=o===xt?d+sn:m>=0?(s.push(h),d.slice(0,m)+le+d.slice(m)+z+k):d+z+(m===-2?a:k)}return[Ks(r,n+(r[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},_t=class r{constructor({strings:e,_$litType$:t},s){let i;this.parts=[];let n=0,o=0,a=e.length-1,d=this.parts,[h,p]=Zs(e,t);if(this.el=r.createElement(h,s),J.currentNode=this.el.content,t===2||t===3){let m=this.el.content.firstChild;m.replaceWith(...m.childNodes)}for(;(i=J.nextNode())!==null&&d.length<a;){if(i.nodeType===1){if(i.hasAttributes())for(let m of i.getAttributeNames())if(m.endsWith(le)){let P=p[o++],k=i.getAttribute(m).split(z),W=/([.?@])?(.*)/.exec(P);d.push({type:1,index:n,name:W[2],strings:k,ctor:W[1]==="."?Pt:W[1]==="?"?Dt:W[1]==="@"?It:et}),i.removeAttribute(m)}else m.startsWith(z)&&(d.push({type:6,index:n}),i.removeAttribute(m));if(Fs.test(i.tagName)){let m=i.textContent.split(z),P=m.length-1;if(P>0){i.textContent=Lt?Lt.emptyScript:"";for(let k=0;k<P;k++)i.append(m[k],$t()),J.nextNode(),d.push({type:2,index:++n});i.append(m[P],$t())}}}else if(i.nodeType===8)if(i.data===de)d.push({type:2,index:n});else{let m=-1;for(;(m=i.data.indexOf(z,m+1))!==-1;)d.push({type:7,index:n}),m+=z.length-1}n++}}static createElement(e,t){let s=X.createElement("template");return s.innerHTML=e,s}};function tt(r,e,t=r,s){if(e===I)return e;let i=s!==void 0?t._$Co?.[s]:t._$Cl,n=wt(e)?void 0:e._$litDirective$;return i?.constructor!==n&&(i?._$AO?.(!1),n===void 0?i=void 0:(i=new n(r),i._$AT(r,t,s)),s!==void 0?(t._$Co??=[])[s]=i:t._$Cl=i),i!==void 0&&(e=tt(r,i._$AS(r,e.values),i,s)),e}var Ht=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,i=(e?.creationScope??X).importNode(t,!0);J.currentNode=i;let n=J.nextNode(),o=0,a=0,d=s[0];for(;d!==void 0;){if(o===d.index){let h;d.type===2?h=new lt(n,n.nextSibling,this,e):d.type===1?h=new d.ctor(n,d.name,d.strings,this,e):d.type===6&&(h=new Ut(n,this,e)),this._$AV.push(h),d=s[++a]}o!==d?.index&&(n=J.nextNode(),o++)}return J.currentNode=X,i}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},lt=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,i){this.type=2,this._$AH=u,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=tt(this,e,t),wt(e)?e===u||e==null||e===""?(this._$AH!==u&&this._$AR(),this._$AH=u):e!==this._$AH&&e!==I&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Bs(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==u&&wt(this._$AH)?this._$AA.nextSibling.data=e:this.T(X.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,i=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=_t.createElement(Ks(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===i)this._$AH.p(t);else{let n=new Ht(i,this),o=n.u(this.options);n.p(t),this.T(o),this._$AH=n}}_$AC(e){let t=zs.get(e.strings);return t===void 0&&zs.set(e.strings,t=new _t(e)),t}k(e){pe(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,i=0;for(let n of e)i===t.length?t.push(s=new r(this.O($t()),this.O($t()),this,this.options)):s=t[i],s._$AI(n),i++;i<t.length&&(this._$AR(s&&s._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Us(e).nextSibling;Us(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},et=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,i,n){this.type=1,this._$AH=u,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=n,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=u}_$AI(e,t=this,s,i){let n=this.strings,o=!1;if(n===void 0)e=tt(this,e,t,0),o=!wt(e)||e!==this._$AH&&e!==I,o&&(this._$AH=e);else{let a=e,d,h;for(e=n[0],d=0;d<n.length-1;d++)h=tt(this,a[s+d],t,d),h===I&&(h=this._$AH[d]),o||=!wt(h)||h!==this._$AH[d],h===u?e=u:e!==u&&(e+=(h??"")+n[d+1]),this._$AH[d]=h}o&&!i&&this.j(e)}j(e){e===u?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},Pt=class extends et{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===u?void 0:e}},Dt=class extends et{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==u)}},It=class extends et{constructor(e,t,s,i,n){super(e,t,s,i,n),this.type=5}_$AI(e,t=this){if((e=tt(this,e,t,0)??u)===I)return;let s=this._$AH,i=e===u&&s!==u||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,n=e!==u&&(s===u||i);i&&this.element.removeEventListener(this.name,this,s),n&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Ut=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){tt(this,e)}},Ys={M:le,P:z,A:de,C:1,L:Zs,R:Ht,D:Bs,V:tt,I:lt,H:et,N:Dt,U:It,B:Pt,F:Ut},rn=ce.litHtmlPolyfillSupport;rn?.(_t,lt),(ce.litHtmlVersions??=[]).push("3.3.3");var Gs=(r,e,t)=>{let s=t?.renderBefore??e,i=s._$litPart$;if(i===void 0){let n=t?.renderBefore??null;s._$litPart$=i=new lt(e.insertBefore($t(),n),n,void 0,t??{})}return i._$AI(r),i};var he=globalThis,_=class extends j{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Gs(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return I}};_._$litElement$=!0,_.finalized=!0,he.litElementHydrateSupport?.({LitElement:_});var nn=he.litElementPolyfillSupport;nn?.({LitElement:_});(he.litElementVersions??=[]).push("4.2.2");var on={attribute:!0,type:String,converter:bt,reflect:!1,hasChanged:Rt},an=(r=on,e,t)=>{let{kind:s,metadata:i}=t,n=globalThis.litPropertyMetadata.get(i);if(n===void 0&&globalThis.litPropertyMetadata.set(i,n=new Map),s==="setter"&&((r=Object.create(r)).wrapped=!0),n.set(t.name,r),s==="accessor"){let{name:o}=t;return{set(a){let d=e.get.call(this);e.set.call(this,a),this.requestUpdate(o,d,r,!0,a)},init(a){return a!==void 0&&this.C(o,void 0,r,a),a}}}if(s==="setter"){let{name:o}=t;return function(a){let d=this[o];e.call(this,a),this.requestUpdate(o,d,r,!0,a)}}throw Error("Unsupported decorator location: "+s)};function b(r){return(e,t)=>typeof t=="object"?an(r,e,t):((s,i,n)=>{let o=i.hasOwnProperty(n);return i.constructor.createProperty(n,s),o?Object.getOwnPropertyDescriptor(i,n):void 0})(r,e,t)}function w(r){return b({...r,state:!0,attribute:!1})}var Qs={"card.name":"Audit trail","card.description":"Who changed what, when and why: a timeline of every recorded change with its cause, replay and the causation chain.","card.suggestion":"Audit trail of this entity","card.no_entities":"Choose entities or a target to show their audit trail.","card.loading":"Loading…","card.error":"Could not load the audit trail: {message}","card.live":"Live","card.replay_at":"At {time}","card.state_for":"for {duration}","card.state_for_approx":"for at least {duration}","card.not_recorded":"Not recorded ({reason})","card.did_not_exist":"Did not exist","card.no_changes":"No changes in this window.","card.changes":"Changes","card.more":"Load more","card.dense":"{count} changes","editor.entities":"Entities","editor.target":"Target (areas, devices, labels)","editor.hours_to_show":"Hours to show","editor.title":"Title","integrity.ok":"Log verified: {checked} rows intact","integrity.bad":"Log integrity problem at row {seq} ({reason})","integrity.pending":"Log not verified yet","replay.play":"Play","replay.pause":"Pause","replay.prev":"Previous change","replay.next":"Next change","replay.live":"Go live","replay.speed":"Speed","replay.jump":"Jump to time","replay.cursor":"Replay cursor","why.title":"Why?","why.open":"Why?","why.root":"Root cause","why.trace_link":"Open the automation's trace","why.trace_gone":"Home Assistant no longer keeps the trace of this run","why.loading":"Following the chain…","why.run":"Run of {name}","why.action":"Action {service}","why.user":"By {name}","why.device":"Device {name}","change.attributes":"attributes changed","change.added":"added","change.removed":"removed","change.annotation":"Note","change.correction":"Correction","cause.user":"User","cause.unknown_user":"Unknown user","cause.automation":"Automation","cause.script":"Script","cause.action":"Action","cause.entity":"Entity","cause.device":"Device","cause.system":"System","cause.unobserved":"Not observed","cause.unknown":"Unknown cause","cause.via":"via {via}","cause.low":"low confidence","gap.not_running":"Home Assistant was not running","gap.unclean_shutdown":"Home Assistant stopped unexpectedly","gap.queue_full":"changes came faster than they could be written","gap.write_failed":"the log could not be written","reason.initial":"first recorded state","reason.context_reused":"context reused","reason.parent_not_seen":"cause started before Audit Trail listened","reason.appeared_while_not_observed":"changed while nobody was watching","panel.title":"Audit Trail","panel.entities":"Entities","panel.areas":"Areas","panel.range":"Range","panel.from":"From","panel.to":"To","panel.apply":"Show","panel.filter_kind":"Cause","panel.filter_actor":"Actor","panel.all":"All","panel.activity":"Activity by actor","panel.activity_total":"{total} changes","panel.diff":"Difference between two instants","panel.diff_run":"Compare","panel.diff_none":"Nothing differs.","panel.diff_transitions":"{count} transitions","panel.verify":"Verify the log","panel.verify_ok":"Chain intact: {checked} rows checked","panel.verify_bad":"Chain broken at row {seq}: {reason} ({checked} rows checked)","panel.export":"Export","panel.export_sha":"SHA-256 of {file}: {sha}","panel.export_sha_mismatch":"the file received does not match this SHA-256","panel.export_failed":"Export failed (HTTP {status})","panel.search":"Filter entities","panel.selected":"{count} selected","error.unauthorized":"You may not read these entities.","error.unknown_entity":"Unknown entity."};var cn={"common.close":"ui.common.close","common.cancel":"ui.common.cancel","common.refresh":"ui.common.refresh","replay.play":"ui.components.media-browser.play"},ln=(r,e)=>e?r.replace(/\{(\w+)\}/g,(t,s)=>s in e?String(e[s]):t):r,st=r=>(e,t)=>{let s=cn[e];if(s&&r){let n=r(s,t);if(n)return n}let i=Qs[e];return i!==void 0?ln(i,t):e.includes(".")?e.slice(e.indexOf(".")+1).replace(/_/g," "):e},Js=(r,e,t)=>{let s=e.split(".",1)[0];return r?.(`component.${s}.entity_component._.state.${t}`)||t};var kt=r=>r==null?[]:Array.isArray(r)?r:[r],dn=r=>!r.hidden&&!r.entity_category,Ot=(r,e,t)=>{let s=new Set(r??[]);for(let p of kt(e?.entity_id))s.add(p);let i=new Set(kt(e?.label_id)),n=p=>p?.some(m=>i.has(m))??!1,o=new Set(kt(e?.device_id)),a=new Set(kt(e?.area_id));for(let p of Object.values(t.devices??{}))n(p.labels)&&o.add(p.id);for(let p of Object.values(t.areas??{}))n(p.labels)&&a.add(p.area_id);let d=new Set(Object.values(t.devices??{}).filter(p=>p.area_id&&a.has(p.area_id)).map(p=>p.id)),h=[];for(let p of Object.values(t.entities??{})){if(!dn(p))continue;let m=p.device_id??"";(n(p.labels)||p.area_id!=null&&a.has(p.area_id)||o.has(m)||p.area_id==null&&d.has(m))&&h.push(p.entity_id)}for(let p of h.sort())s.add(p);return[...s]};var dt="audit-trail-card",fe=24,me=24*366,pn=/^[a-z0-9_]+\.[a-z0-9_]+$/,K=class extends Error{},Xs=r=>{if(typeof r!="object"||r===null)throw new K("Invalid configuration");let e=r,t=e.entities??[];if(!Array.isArray(t)||t.some(n=>typeof n!="string"||!pn.test(n)))throw new K("entities must be a list of entity ids (like light.kitchen)");let s=e.hours_to_show??fe;if(typeof s!="number"||!Number.isFinite(s)||s<=0||s>me)throw new K(`hours_to_show must be a number of hours between 0 and ${me}`);if(e.title!==void 0&&typeof e.title!="string")throw new K("title must be text");let i;if(e.target!==void 0&&e.target!==null){if(typeof e.target!="object")throw new K("target must be a target (area_id, device_id, label_id, entity_id)");let n=e.target;for(let o of["area_id","device_id","label_id","entity_id"]){let a=n[o];if(a!==void 0&&typeof a!="string"&&!(Array.isArray(a)&&a.every(d=>typeof d=="string")))throw new K(`target.${o} must be an id or a list of ids`)}i=n}return{...e,entities:t,hours_to_show:s,...i?{target:i}:{}}},tr=r=>({schema:[{name:"title",selector:{text:{}}},{name:"entities",selector:{entity:{multiple:!0}}},{name:"target",selector:{target:{}}},{name:"hours_to_show",selector:{number:{min:1,max:me,step:1,mode:"box",unit_of_measurement:"h"}}}],computeLabel:e=>r(`editor.${e.name}`)}),un=["light","switch","lock","cover","climate","input_boolean","binary_sensor","fan","media_player"],er=(r,e=3)=>{let t=Object.values(r).sort((n,o)=>Date.parse(o.last_changed)-Date.parse(n.last_changed)),s=t.filter(n=>un.includes(n.entity_id.split(".",1)[0])),i=(s.length?s:t).slice(0,e).map(n=>n.entity_id);return{type:`custom:${dt}`,entities:i,hours_to_show:fe}},sr=(r,e,t)=>r[e]?{label:t,config:{type:`custom:${dt}`,entities:[e],hours_to_show:fe}}:null;var hn=(r,e,t)=>r.time_zone==="server"?e:t??Intl.DateTimeFormat().resolvedOptions().timeZone,mn=r=>{if(r.time_format==="12")return!0;if(r.time_format==="24")return!1;let e=r.time_format==="system"?void 0:r.language,t=new Date(Date.UTC(2023,0,1,22)).toLocaleString(e,{hour:"numeric",timeZone:"UTC"});return/10/.test(t)},ir=(r,e,t)=>({language:r.language||"en",timeZone:hn(r,e,t),hour12:mn(r)}),rr=new Map,ye=(r,e)=>{let t=`${r.language}|${r.timeZone}|${r.hour12}|${JSON.stringify(e)}`,s=rr.get(t);return s||(s=new Intl.DateTimeFormat(r.language,{...e,timeZone:r.timeZone,hour12:r.hour12}),rr.set(t,s)),s},Nt=(r,e,t=!0)=>ye(e,{hour:"numeric",minute:"2-digit",...t?{second:"2-digit"}:{}}).format(r),B=(r,e,t=!0)=>ye(e,{year:"numeric",month:"short",day:"numeric",hour:"numeric",minute:"2-digit",...t?{second:"2-digit"}:{}}).format(r),nr=(r,e)=>ye(e,{month:"short",day:"numeric"}).format(r),or=r=>{let e=Math.max(0,Math.floor(r/1e3)),t=[[86400,"d"],[3600,"h"],[60,"min"],[1,"s"]],s=t.findIndex(([h])=>e>=h);if(s<0)return"0 s";let[i,n]=t[s],o=Math.floor(e/i),a=t[s+1],d=a?Math.floor((e-o*i)/a[0]):0;return d&&a?`${o} ${n} ${d} ${a[1]}`:`${o} ${n}`},Vt=(r,e)=>{let t=new Intl.DateTimeFormat("en-US",{timeZone:e,hourCycle:"h23",year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric",second:"numeric"}).formatToParts(r),s=n=>Number(t.find(o=>o.type===n)?.value??0);return Date.UTC(s("year"),s("month")-1,s("day"),s("hour")%24,s("minute"),s("second"))-Math.floor(r/1e3)*1e3},St=r=>String(r).padStart(2,"0"),jt=(r,e)=>{let t=new Date(r+Vt(r,e));return`${t.getUTCFullYear()}-${St(t.getUTCMonth()+1)}-${St(t.getUTCDate())}T${St(t.getUTCHours())}:${St(t.getUTCMinutes())}:${St(t.getUTCSeconds())}`},zt=(r,e)=>{let t=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(r);if(!t)return NaN;let s=Date.UTC(+t[1],+t[2]-1,+t[3],+t[4],+t[5],+(t[6]??0)),i=s-Vt(s,e);return i=s-Vt(i,e),i},ge=[1,5,15,30,60,120,180,360,720,1440,2880,10080].map(r=>r*6e4),ar=(r,e,t,s)=>{if(e<=r||t<1)return[];let i=ge.find(d=>(e-r)/d<=t)??ge[ge.length-1],n=Vt(r,s),o=Math.ceil((r+n)/i)*i-n,a=[];for(;o<=e&&a.length<=t;o+=i)a.push(o);return a};var F=r=>typeof r=="string"?r:r.toISOString(),rt=r=>Object.fromEntries(Object.entries(r).filter(([,e])=>e!==void 0)),ve=(r,e)=>r.callWS({type:"audit_trail/history",...rt({entity_id:e.entityIds,start:F(e.start),end:e.end===void 0?void 0:F(e.end),event_types:e.eventTypes,limit:e.limit,cursor:e.cursor??void 0,order:e.order})}),cr=(r,e,t,s)=>r.callWS({type:"audit_trail/state_at",...rt({at:F(e),entity_id:t,attributes:s})}),lr=(r,e)=>r.callWS({type:"audit_trail/trace",seq:e}),dr=(r,e)=>r.callWS({type:"audit_trail/timeline",...rt({entity_id:e.entityIds,start:F(e.start),end:e.end===void 0?void 0:F(e.end),buckets:e.buckets===void 0?void 0:fn(e.buckets),exact_limit:e.exactLimit})}),fn=r=>Math.min(4e3,Math.max(10,Math.round(r))),pr=(r,e,t)=>r.callWS({type:"audit_trail/activity",...rt({start:F(e),end:t===void 0?void 0:F(t)})});var ur=(r,e,t,s)=>r.callWS({type:"audit_trail/diff",...rt({start:F(e),end:F(t),entity_id:s})}),hr=(r,e)=>r.callWS({type:"audit_trail/verify",...rt({from_seq:e})}),mr=(r,e,t)=>r.callWS({type:"trace/contexts",...rt({domain:e,item_id:t})});var fr=async(r,e)=>{let t=e.afterSeq,s=null,i=!1,n=h=>{if("dropped"in h){t=Math.max(t,h.last_seq),a();return}let p=h.events.filter(m=>m.seq>t);p.length&&(t=p[p.length-1].seq,e.onEvents(p))},o=async()=>{let h={type:"audit_trail/subscribe",after_seq:t};e.entityIds&&(h.entity_id=e.entityIds);let p=await r.connection.subscribeMessage(n,h,{resubscribe:!1});i?p().catch(()=>{}):s=p},a=async()=>{let h=s;if(s=null,h&&await h().catch(()=>{}),!i)try{await o()}catch(p){e.onError?.(p)}},d=()=>{a()};r.connection.addEventListener("ready",d);try{await o()}catch(h){throw r.connection.removeEventListener("ready",d),h}return()=>{i=!0,r.connection.removeEventListener("ready",d);let h=s;s=null,h&&h().catch(()=>{})}};var gr=async(r,e,t)=>{let s=e.split(".",1)[0];if(!t||s!=="automation"&&s!=="script")return{kind:"none"};let i=r.states[e]?.attributes.id,n=s==="automation"?typeof i=="string"?i:null:e.slice(s.length+1);if(!n)return{kind:"gone"};let o;try{o=await mr(r,s,n)}catch{return{kind:"gone"}}let a=o[t]??Object.values(o).find(h=>h.run_id===t);if(!a||a.item_id!==n)return{kind:"gone"};let d=`run_id=${encodeURIComponent(a.run_id)}`;return{kind:"link",url:`/config/${s}/trace/${encodeURIComponent(n)}?${d}`}};var N=r=>Date.parse(r),gn={kind:"system",confidence:"high"},yr=r=>{switch(r.event_type){case"state_changed":case"entity_added":return r.new_state;case"entity_removed":return null;default:return}},vr=r=>{switch(r.event_type){case"state_changed":return r.old_state===r.new_state?"attributes":"state";case"attributes_changed":return"attributes";case"entity_added":return"added";case"entity_removed":return"removed";case"annotation":case"correction":return"note";default:return"other"}},yn=(r,e,t)=>{let s=r.map(n=>({start:Math.max(e,N(n.start)),end:Math.min(t,N(n.end)),reason:n.reason})).filter(n=>n.end>n.start).sort((n,o)=>n.start-o.start),i=[];for(let n of s){let o=i[i.length-1];o&&n.start<=o.end?o.end=Math.max(o.end,n.end):i.push({...n})}return i},br=(r,e)=>({time:e,state:r?.state??null,seq:r?.seq??0,cause:r?.cause??gn}),vn=(r,e)=>{let t=[br(r.initial,e)];for(let s of r.events??[]){let i=yr(s);i!==void 0&&t[t.length-1].state!==i&&t.push({time:N(s.time),state:i,seq:s.seq,cause:s.cause})}return t},bn=(r,e)=>r.map((t,s)=>({start:t.time,end:r[s+1]?.time??e,kind:t.state===null?"none":"state",state:t.state})),xr=(r,e,t,s)=>{let i=[],n=r?.state??null,o=t;for(let a of e)a.start>o&&i.push({start:o,end:a.start,kind:n===null?"none":"state",state:n}),i.push({start:Math.max(o,a.start),end:a.end,kind:"dense",state:a.state,count:a.count}),n=a.state,o=a.end;return o<s&&i.push({start:o,end:s,kind:n===null?"none":"state",state:n}),i},be=(r,e)=>{let t=[];for(let s of r){let i=s.start;for(let n of e)n.end<=i||n.start>=s.end||(n.start>i&&t.push({...s,start:i,end:n.start}),i=Math.min(s.end,n.end));i<s.end&&t.push({...s,start:i})}for(let s of e)t.push({start:s.start,end:s.end,kind:"gap",state:null,reason:s.reason});return t.sort((s,i)=>s.start-i.start||(s.kind==="gap"?-1:1)),xn(t.filter(s=>s.end>s.start))},xn=r=>{let e=[];for(let t of r){let s=e[e.length-1];s&&s.end===t.start&&s.kind===t.kind&&s.state===t.state&&t.kind!=="dense"&&t.kind!=="gap"?s.end=t.end:e.push({...t})}return e},$n=r=>({start:N(r.start),end:N(r.end),count:r.count,state:r.state,seq:r.last_seq,cause:r.cause}),xe=(r,e,t,s,i)=>{let n=yn(t,s,i);if(e.exact){let d=vn(e,s),h=(e.events??[]).filter(p=>p.event_type!=="checkpoint").map(p=>({time:N(p.time),seq:p.seq,kind:vr(p),cause:p.cause,count:1,event:p}));return{entityId:r,exact:!0,start:s,end:i,initial:e.initial,points:d,marks:h,gaps:n,buckets:[],segments:be(bn(d,i),n)}}let o=(e.buckets??[]).map($n).sort((d,h)=>d.start-h.start),a=o.map(d=>({time:d.end,seq:d.seq,kind:"bucket",cause:d.cause,count:d.count}));return{entityId:r,exact:!1,start:s,end:i,initial:e.initial,points:[br(e.initial,s)],marks:a,gaps:n,buckets:o,segments:be(xr(e.initial,o,s,i),n)}},$r=(r,e,t)=>{let s=new Set(r.marks.map(a=>a.seq)),i=e.filter(a=>a.entity_id===r.entityId&&!s.has(a.seq));if(!r.exact){let a=[...r.buckets];for(let h of i){let p=N(h.time),m=yr(h);a.push({start:p,end:p,count:1,state:m===void 0?a[a.length-1]?.state??r.initial?.state??null:m,seq:h.seq,cause:h.cause})}let d=[...r.marks,...i.map(h=>({time:N(h.time),seq:h.seq,kind:vr(h),cause:h.cause,count:1,event:h}))];return{...r,end:t,buckets:a,marks:d,segments:be(xr(r.initial,a,r.start,t),r.gaps)}}let n={initial:r.initial,exact:!0,events:[...r.marks.flatMap(a=>a.event?[a.event]:[]),...i]},o=r.gaps.map(a=>({start:new Date(a.start).toISOString(),end:new Date(a.end).toISOString(),reason:a.reason,seq:0}));return xe(r.entityId,n,o,r.start,t)};var wr=[1,10,60,600,3600],Bt=r=>({t:r,wall:r,playing:!1,speed:1,live:!0}),ut=(r,e)=>{if(r.live)return e;let t=r.playing?r.t+(e-r.wall)*r.speed:r.t;return Math.min(t,e)},_r=(r,e)=>!r.live&&r.playing&&r.t+(e-r.wall)*r.speed>=e,kr=(r,e)=>r.live?r:{...r,t:ut(r,e),wall:e,playing:!0},$e=(r,e)=>({...r,t:ut(r,e),wall:e,playing:!1,live:!1}),Sr=(r,e,t)=>({...r,t:ut(r,t),wall:t,speed:e}),pt=(r,e,t)=>e>=t?{...r,t,wall:t,playing:!1,live:!0}:{...r,t:e,wall:t,playing:r.playing,live:!1},we=(r,e,t)=>{if(t>0){for(let s of r)if(s>e)return s;return null}for(let s=r.length-1;s>=0;s--)if(r[s]<e)return r[s];return null},Ar=(r,e,t,s)=>{let i=ut(r,s),n=we(e,i,t);return n===null?t>0?pt(r,s,s):$e(r,s):{...pt(r,n,s),playing:!1}};var Er=(r,e)=>{let t=0,s=r.length-1,i=-1;for(;t<=s;){let n=t+s>>1;r[n].time<=e?(i=n,t=n+1):s=n-1}return i},Cr=(r,e,t)=>{let s=t&&r.initial?N(r.initial.last_changed):e.time;return{kind:"state",state:e.state,since:s,approx:!1,seq:e.seq,cause:e.cause}},Tr=(r,e)=>{if(e<r.start||e>r.end)return{kind:"ask"};let t=r.gaps.find(n=>e>=n.start&&e<n.end);if(t)return{kind:"gap",reason:t.reason,start:t.start,end:t.end};if(r.exact){let n=Er(r.points,e);return Cr(r,r.points[Math.max(0,n)],n<=0)}let s=Er(r.buckets.map(n=>({time:n.start})),e);if(s<0)return Cr(r,r.points[0],!0);let i=r.buckets[s];return e<i.end?{kind:"ask"}:{kind:"state",state:i.state,since:i.end,approx:!0,seq:i.seq,cause:i.cause}},_e=r=>{let e=new Set;for(let t of r)for(let s of t.marks)e.add(s.time);return[...e].sort((t,s)=>t-s)};var ke=(r,e,t,s,i=8)=>{if(s<=0||t<=0)return{first:0,last:0,padTop:0,padBottom:0};let n=Math.max(0,Math.floor(r/t)-i),o=Math.min(s,Math.ceil((r+e)/t)+i);return{first:n,last:o,padTop:n*t,padBottom:(s-o)*t}},Mr=(r,e,t,s=20)=>t&&r.last>=e-s,Se=(r,e)=>{let t=new Set,s=[];for(let i of[...r,...e])t.has(i.seq)||(t.add(i.seq),s.push(i));return s.sort((i,n)=>n.seq-i.seq)};var _n=100,kn=()=>Date.now(),Ae=36e5,O=r=>typeof r=="object"&&r!==null&&"message"in r?String(r.message):String(r),ht=class{constructor(e){y(this,"host",e);y(this,"hass");y(this,"entityIds",[]);y(this,"hours",24);y(this,"laneWidth",400);y(this,"lanes",[]);y(this,"gapsIntegrity",null);y(this,"loading",!1);y(this,"error",null);y(this,"list",[]);y(this,"nextCursor",null);y(this,"listLoading",!1);y(this,"clock",Bt(Date.now()));y(this,"windowStart",0);y(this,"windowEnd",null);y(this,"selection",null);y(this,"asked",null);y(this,"unsub",null);y(this,"timer");y(this,"generation",0);y(this,"askTimer");y(this,"ticks",0);e.addController(this)}hostConnected(){this.timer=window.setInterval(()=>this.tick(),250)}hostDisconnected(){window.clearInterval(this.timer),window.clearTimeout(this.askTimer),this.stopStream()}get now(){return Date.now()}get start(){return this.windowEnd===null?Math.max(this.windowStart,this.now-this.hours*Ae):this.windowStart}get end(){return this.windowEnd??this.now}get cursor(){return ut(this.clock,this.now)}tick(){if(this.ticks++,_r(this.clock,this.now)&&(this.clock={...Bt(this.now),speed:this.clock.speed}),this.clock.playing||this.clock.live&&this.ticks%4===0){let e=this.cursor;!this.loading&&this.lanes.length&&(e>this.end||e<this.windowStart)&&this.jump(e),this.host.requestUpdate()}}stopStream(){this.unsub?.(),this.unsub=null}async load(e,t){let s=this.hass;if(!s||!this.entityIds.length)return;let i=++this.generation;this.stopStream(),this.windowEnd=t??null,this.windowStart=e??this.end-this.hours*Ae,this.loading=!0,this.error=null,this.host.requestUpdate();try{let n=await dr(s,{entityIds:this.entityIds,start:new Date(this.windowStart),end:new Date(this.end),buckets:this.laneWidth});if(i!==this.generation)return;let o=Date.parse(n.start),a=Date.parse(n.end);this.lanes=this.entityIds.filter(d=>n.entities[d]).map(d=>xe(d,n.entities[d],n.gaps,o,a)),this.gapsIntegrity=n.integrity,this.list=[],this.nextCursor=null,await this.loadMore(i),this.windowEnd===null&&i===this.generation&&await this.startStream(i)}catch(n){i===this.generation&&(this.error=O(n))}finally{i===this.generation&&(this.loading=!1),this.host.requestUpdate()}}async loadMore(e=this.generation){let t=this.hass;if(!(!t||this.listLoading||this.list.length&&!this.nextCursor)){this.listLoading=!0;try{let s=await ve(t,{entityIds:this.entityIds,start:new Date(this.windowStart),end:new Date(this.end),order:"desc",limit:_n,cursor:this.nextCursor});if(e!==this.generation)return;this.list=Se(this.list,s.events),this.nextCursor=s.next_cursor}finally{this.listLoading=!1,this.host.requestUpdate()}}}lastSeq(){let e=this.list[0]?.seq??0;for(let t of this.lanes){e=Math.max(e,t.initial?.seq??0);for(let s of t.marks)e=Math.max(e,s.seq)}return e}async startStream(e){let t=this.hass,s=await fr(t,{entityIds:this.entityIds,afterSeq:this.lastSeq(),onEvents:i=>this.onLive(i),onError:i=>{this.error=O(i),this.host.requestUpdate()}});e!==this.generation?s():this.unsub=s}onLive(e){let t=this.now;this.lanes=this.lanes.map(i=>$r(i,e,Math.max(t,i.end)));let s=e.filter(i=>i.event_type!=="checkpoint"&&i.entity_id&&this.entityIds.includes(i.entity_id));this.list=Se(s,this.list),this.host.requestUpdate()}statesAtCursor(){let e=this.cursor,t=new Map,s=!1;for(let i of this.lanes){let n=Tr(i,Math.min(e,i.end));n.kind==="ask"?this.asked&&this.asked.t===e&&i.entityId in this.asked.states?t.set(i.entityId,{kind:"server",state:this.asked.states[i.entityId]??null}):s=!0:t.set(i.entityId,n)}return s&&this.askLater(e),t}askLater(e){window.clearTimeout(this.askTimer),this.askTimer=window.setTimeout(async()=>{if(this.hass){try{let t=await cr(this.hass,new Date(e),this.entityIds,!1);this.asked={t:e,states:t.states}}catch(t){this.error=O(t)}this.host.requestUpdate()}},200)}act(e,t){let s=this.now,i=this.clock;switch(e){case"play":this.clock=kr(i.live?pt(i,this.start,s):i,s);break;case"pause":this.clock=$e(i,s);break;case"speed":this.clock=Sr(i,t??1,s);break;case"live":this.clock=Bt(s),this.windowEnd!==null&&this.load();break;case"prev":case"next":this.stepChange(e==="next"?1:-1);break;case"seek":this.clock=pt(i,t??s,s);break;case"jump":this.jump(t??s);return}this.host.requestUpdate()}stepChange(e){let t=this.now,s=this.cursor;if(we(_e(this.lanes),s,e)!==null||e>0&&this.windowEnd===null){this.clock=Ar(this.clock,_e(this.lanes),e,t);return}this.stepBeyond(s,e)}async stepBeyond(e,t){let s=this.hass;if(s)try{let n=(await ve(s,{entityIds:this.entityIds,start:new Date(t>0?e+1:0),end:new Date(t>0?kn():e-1),order:t>0?"asc":"desc",limit:1})).events[0];if(!n){t>0&&this.act("live");return}this.clock={...this.clock,playing:!1},await this.jump(Date.parse(n.time))}catch(i){this.error=O(i),this.host.requestUpdate()}}async jump(e){let t=this.now,s=this.hours*Ae/2,i=e+s>=t,n=this.clock.playing;this.clock={...pt(this.clock,e,t),playing:n},await this.load(i?t-2*s:e-s,i?null:e+s)}async select(e,t,s){this.selection={seq:e,event:t,trace:null,links:{},loading:s||!t,error:null},this.host.requestUpdate(),!(!s&&t)&&await this.loadTrace(e)}async loadTrace(e){let t=this.hass,s=this.selection;if(!(!t||!s||s.seq!==e)){s.loading=!0,this.host.requestUpdate();try{let i=await lr(t,e),n={};for(let o of i.hops)(o.hop==="automation_run"||o.hop==="script_run")&&o.run_id&&(n[o.run_id]=await gr(t,o.entity_id,o.run_id));if(this.selection?.seq!==e)return;this.selection={...s,event:s.event??i.chain[0]??null,trace:i,links:n,loading:!1}}catch(i){this.selection?.seq===e&&(this.selection={...s,loading:!1,error:O(i)})}this.host.requestUpdate()}}closeSelection(){this.selection=null,this.host.requestUpdate()}};var Ee=r=>r.user_id?r.user_id:(r.kind==="automation"||r.kind==="script")&&r.entity_id?r.entity_id:null,Ce=(r,e)=>{for(let t of Object.values(r))if(t.entity_id.startsWith("person.")&&t.attributes.user_id===e){let s=t.attributes.entity_picture;return typeof s=="string"?s:null}return null},Sn=(r,e)=>{for(let t of Object.values(r))if(t.entity_id.startsWith("person.")&&t.attributes.user_id===e){let s=t.attributes.friendly_name;return typeof s=="string"?s:null}return null},it=(r,e)=>{let t=r[e]?.attributes.friendly_name;return typeof t=="string"&&t?t:e},An=(r,e)=>{switch(r.kind){case"user":return r.user_name??(r.user_id?Sn(e.states,r.user_id):null)??e.t("cause.unknown_user");case"automation":case"script":return r.name??(r.entity_id?it(e.states,r.entity_id):e.t(`cause.${r.kind}`));case"action":return r.service??e.t("cause.action");case"device":{let t=r.device_id?e.devices?.[r.device_id]:void 0;return t?.name_by_user??t?.name??r.platform??e.t("cause.device")}case"entity":return r.entity_id?it(e.states,r.entity_id):e.t("cause.entity");default:return e.t(`cause.${r.kind}`)}},En=(r,e)=>{let t=[];return r.kind==="user"&&r.service&&t.push(r.service),(r.kind==="automation"||r.kind==="script")&&r.trigger&&t.push(r.trigger),r.via&&t.push(e.t("cause.via",{via:it(e.states,r.via)})),r.reason&&t.push(e.t(`reason.${r.reason}`)),t.length?t.join(" · "):null},Rr=(r,e)=>({kind:r.kind,text:An(r,e),detail:En(r,e),picture:r.kind==="user"&&r.user_id?Ce(e.states,r.user_id):null,low:r.confidence==="low",unobserved:r.kind==="unobserved",actor:Ee(r)});var Lr=new Set(["off","idle","closed","locked","not_home","standby","docked","paused","disarmed","below_horizon","0"]),Cn=new Set(["unavailable","unknown"]),Hr=r=>r.toLowerCase().replace(/[^a-z0-9_]+/g,"_"),Te=(r,e)=>r.reduceRight((t,s)=>`var(${s}, ${t})`,e),Pr=["--blue-color","--teal-color","--amber-color","--purple-color","--cyan-color","--pink-color","--lime-color","--deep-orange-color"],Tn=r=>[...r].reduce((e,t)=>e*31+t.charCodeAt(0)>>>0,7),Dr=(r,e,t)=>{if(e===null)return"transparent";if(Cn.has(e))return Te(["--history-unavailable-color","--state-unavailable-color"],"var(--disabled-text-color, #bdbdbd)");let s=r.split(".",1)[0]??"",i=Hr(e),n=Lr.has(e)?"inactive":"active",o=[...t?[`--state-${s}-${Hr(t)}-${i}-color`]:[],`--state-${s}-${i}-color`];return Lr.has(e)||["on","open","unlocked","home","playing","heat","cool","active"].includes(e)?(o.push(`--state-${s}-${n}-color`,`--state-${n}-color`),Te(o,n==="active"?"var(--primary-color)":"var(--secondary-text-color)")):Te(o,`var(${Pr[Tn(e)%Pr.length]}, var(--primary-color))`)};var Ft=r=>{let e=st(r.localize?.bind(r));return{hass:r,t:e,fmt:ir(r.locale??{language:"en"},r.config?.time_zone??"UTC"),name:t=>it(r.states,t),state:(t,s)=>s===null?e("card.did_not_exist"):Js(r.localize?.bind(r),t,s),color:(t,s)=>{let i=r.states[t]?.attributes.device_class;return Dr(t,s,typeof i=="string"?i:void 0)}}},Mn=r=>r.split(/[\s._]+/).filter(Boolean).slice(0,2).map(e=>e[0].toUpperCase()).join(""),Z=(r,e,t=!1)=>{let s=Rr(r,{states:e.hass.states,devices:e.hass.devices,t:e.t}),i=[s.low?e.t("cause.low"):null,s.unobserved?e.t("cause.unobserved"):null].filter(Boolean);return l`<span
    class="chip kind-${s.kind} ${s.low?"low":""} ${s.unobserved?"unobserved":""}"
    title=${[e.t(`cause.${s.kind}`),s.text,s.detail,...i].filter(Boolean).join(" · ")}
  >
    ${s.picture?l`<img class="avatar" src=${s.picture} alt="" />`:l`<span class="avatar">${Mn(s.text)||"?"}</span>`}
    <span class="who">${s.text}</span>
    ${t&&s.detail?l`<span class="detail">${s.detail}</span>`:u}
    ${s.low?l`<span class="flag" aria-label=${e.t("cause.low")}>?</span>`:u}
  </span>`},L=E`
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
`,Wt=E`
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
`;var Kt=(r,e,t)=>l`<audit-trail-timeline
    .ctx=${e}
    .lanes=${r.lanes}
    .start=${r.start}
    .end=${r.end}
    .cursor=${r.cursor}
    .live=${r.clock.live}
    .growing=${r.windowEnd===null&&!r.error}
    .info=${r.statesAtCursor()}
    @width-changed=${s=>t?.(s.detail.width)}
    @cursor-set=${s=>r.act("seek",s.detail.t)}
    @cursor-step=${s=>r.act(s.detail.dir>0?"next":"prev")}
    @mark-select=${s=>{r.select(s.detail.seq,s.detail.event,!1)}}
  ></audit-trail-timeline>`,Zt=(r,e)=>l`<audit-trail-replay-bar
    .ctx=${e}
    .cursor=${r.cursor}
    .playing=${r.clock.playing}
    .live=${r.clock.live}
    .speed=${r.clock.speed}
    @replay=${t=>r.act(t.detail.action,t.detail.value)}
  ></audit-trail-replay-bar>`,Yt=(r,e,t,s=320)=>l`<audit-trail-change-list
    .ctx=${e}
    .events=${t}
    .hasMore=${!!r.nextCursor}
    .loading=${r.listLoading||r.loading}
    .height=${s}
    @load-more=${()=>{r.loadMore()}}
    @change-select=${i=>{r.select(i.detail.seq,i.detail.event,i.detail.why)}}
  ></audit-trail-change-list>`,Gt=(r,e)=>l`<audit-trail-why-dialog
    .ctx=${e}
    .selection=${r.selection}
    @closed=${()=>r.closeSelection()}
    @why-load=${t=>{r.loadTrace(t.detail.seq)}}
  ></audit-trail-why-dialog>`,mt=(r,e,t,s)=>{let i=r.fmt.timeZone,n=o=>{let a=o.target.value,d=zt(a,i);t(a===""?null:Number.isNaN(d)?e:d)};return l`<label
    >${s}<input
      type="datetime-local"
      step="1"
      .value=${e===null?"":jt(e,i)}
      @change=${n}
  /></label>`};var Ir,Ur,qr,nt,Me,Re,Y=class extends(qr=_,Ur=[b({attribute:!1})],Ir=[w()],qr){constructor(){super(...arguments);g(this,Me,c(nt,8,this)),c(nt,11,this);g(this,Re,c(nt,12,this)),c(nt,15,this);y(this,"ctrl",new ht(this));y(this,"ctxCache",null);y(this,"loadedKey","");y(this,"resolvedCache",null);y(this,"widthTimer")}static getConfigForm(){return tr(st())}static getStubConfig(t){return er(t.states)}setConfig(t){this.config=Xs(t)}getCardSize(){return 4+2*(this.ctrl.lanes.length||(this.config?.entities?.length??1))}getGridOptions(){return{columns:12,min_columns:6,rows:"auto",min_rows:4}}get ctx(){return(!this.ctxCache||this.ctxCache.hass!==this.hass)&&(this.ctxCache={hass:this.hass,ctx:Ft(this.hass)}),this.ctxCache.ctx}willUpdate(t){if(!this.hass||!this.config)return;this.ctrl.hass=this.hass;let s=this.resolved(),i=`${s.join(",")}|${this.config.hours_to_show}`;i!==this.loadedKey&&(this.loadedKey=i,this.ctrl.entityIds=s,this.ctrl.hours=this.config.hours_to_show??24,this.ctrl.load())}resolved(){let t=this.hass,s=[this.config,t.entities,t.devices,t.areas];return(!this.resolvedCache||s.some((i,n)=>i!==this.resolvedCache.key[n]))&&(this.resolvedCache={key:s,ids:Ot(this.config?.entities,this.config?.target,t)}),this.resolvedCache.ids}integrity(){let t=this.ctrl.gapsIntegrity;if(!t)return u;let s=this.ctx.t;if(t.ok===null)return l`<span class="integrity pending" title=${s("integrity.pending")}
        >◌ ${s("integrity.pending")}</span
      >`;if(t.ok){let i=t.verified_at?` · ${B(Date.parse(t.verified_at),this.ctx.fmt,!1)}`:"";return l`<span class="integrity ok" title=${s("integrity.ok",{checked:t.checked})+i}
        >✓ ${s("integrity.ok",{checked:t.checked})}</span
      >`}return l`<span class="integrity bad" role="alert"
      >⚠ ${s("integrity.bad",{seq:t.first_bad_seq??"?",reason:t.reason??""})}</span
    >`}render(){if(!this.config||!this.hass)return u;let t=this.ctx,s=this.ctrl,i=s.entityIds.length?l`
          ${s.error?l`<p class="error">${t.t("card.error",{message:s.error})}</p>`:u}
          ${Kt(s,t,n=>this.onWidth(n))} ${Zt(s,t)}
          <h3 class="sub">${t.t("card.changes")}</h3>
          ${Yt(s,t,s.list)} ${Gt(s,t)}
        `:l`<p class="muted">${t.t("card.no_entities")}</p>`;return l`<ha-card>
      <div class="header">
        <span class="title">${this.config.title??t.t("card.name")}</span>
        ${this.integrity()}
      </div>
      <div class="content">${i}</div>
    </ha-card>`}onWidth(t){Math.abs(t-this.ctrl.laneWidth)/this.ctrl.laneWidth<.25||(this.ctrl.laneWidth=t,window.clearTimeout(this.widthTimer),this.widthTimer=window.setTimeout(()=>{let s=this.ctrl.windowEnd;this.ctrl.load(this.ctrl.windowStart,s)},300))}};nt=R(qr),Me=new WeakMap,Re=new WeakMap,f(nt,4,"hass",Ur,Y,Me),f(nt,4,"config",Ir,Y,Re),M(nt,Y),y(Y,"styles",[L,E`
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
    `]);var Or=(r,e)=>sr(r.states,e,st(r.localize?.bind(r))("card.suggestion"));var ot={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Vr=r=>(...e)=>({_$litDirective$:r,values:e}),Qt=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,s){this._$Ct=e,this._$AM=t,this._$Ci=s}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:ka}=Ys;var Nr=r=>r.strings===void 0;var Rn={},jr=(r,e=Rn)=>r._$AH=e;var Le=Vr(class extends Qt{constructor(r){if(super(r),r.type!==ot.PROPERTY&&r.type!==ot.ATTRIBUTE&&r.type!==ot.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!Nr(r))throw Error("`live` bindings can only contain a single expression")}render(r){return r}update(r,[e]){if(e===I||e===u)return e;let t=r.element,s=r.name;if(r.type===ot.PROPERTY){if(e===t[s])return I}else if(r.type===ot.BOOLEAN_ATTRIBUTE){if(!!e===t.hasAttribute(s))return I}else if(r.type===ot.ATTRIBUTE&&t.getAttribute(s)===e+"")return I;return jr(r),e}});var Ln=["user","automation","script","action","entity","device","system","unobserved","unknown"],Hn=864e5,He=200,zr,Br,Fr,Wr,Kr,Zr,Yr,Gr,Qr,Jr,Xr,ti,ei,si,v,Pe,De,Ie,Ue,qe,Oe,Ve,Ne,je,ze,Be,Fe,We,S=class extends(si=_,ei=[b({attribute:!1})],ti=[b({type:Boolean})],Xr=[b({attribute:!1})],Jr=[b({attribute:!1})],Qr=[w()],Gr=[w()],Yr=[w()],Zr=[w()],Kr=[w()],Wr=[w()],Fr=[w()],Br=[w()],zr=[w()],si){constructor(){super(...arguments);g(this,Pe,c(v,8,this)),c(v,11,this);g(this,De,c(v,12,this,!1)),c(v,15,this);g(this,Ie,c(v,16,this)),c(v,19,this);g(this,Ue,c(v,20,this)),c(v,23,this);g(this,qe,c(v,24,this,[])),c(v,27,this);g(this,Oe,c(v,28,this,[])),c(v,31,this);g(this,Ve,c(v,32,this,"")),c(v,35,this);g(this,Ne,c(v,36,this,Date.now()-Hn)),c(v,39,this);g(this,je,c(v,40,this,null)),c(v,43,this);g(this,ze,c(v,44,this,"")),c(v,47,this);g(this,Be,c(v,48,this,"")),c(v,51,this);g(this,Fe,c(v,52,this,null)),c(v,55,this);g(this,We,c(v,56,this,null)),c(v,59,this);y(this,"ctrl",new ht(this));y(this,"ctxCache",null)}get ctx(){return(!this.ctxCache||this.ctxCache.hass!==this.hass)&&(this.ctxCache={hass:this.hass,ctx:Ft(this.hass)}),this.ctxCache.ctx}get entityIds(){return this.hass?Ot(this.picked,{area_id:this.areas},this.hass):[]}async apply(){if(!this.hass)return;this.message=null,this.ctrl.hass=this.hass,this.ctrl.entityIds=this.entityIds;let t=this.to===null||this.to>=Date.now()?null:this.to;this.ctrl.hours=((t??Date.now())-this.from)/36e5,await Promise.all([this.ctrl.load(this.from,t),this.loadActivity()])}async loadActivity(){try{this.activity=await pr(this.hass,new Date(this.from),this.to===null?void 0:new Date(this.to))}catch(t){this.message=O(t)}}toggle(t,s,i){let n=this[t];this[t]=i?[...n,s]:n.filter(o=>o!==s)}picker(){let t=this.ctx,s=this.search.toLowerCase(),i=Object.keys(this.hass.states).sort(),n=i.filter(a=>!s||a.includes(s)||t.name(a).toLowerCase().includes(s)),o=i.filter(a=>this.picked.includes(a)||n.slice(0,He).includes(a));return l`<section class="pick">
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
        ${o.map(a=>l`<label
              ><input
                type="checkbox"
                .checked=${Le(this.picked.includes(a))}
                @change=${d=>this.toggle("picked",a,d.target.checked)}
              />${t.name(a)} <span class="muted">${a}</span></label
            >`)}
        ${n.length>He?l`<div class="muted">… ${n.length-He}</div>`:u}
      </div>
      <h2>${t.t("panel.areas")}</h2>
      <div class="checks short">
        ${Object.values(this.hass.areas??{}).map(a=>l`<label
              ><input
                type="checkbox"
                .checked=${Le(this.areas.includes(a.area_id))}
                @change=${d=>this.toggle("areas",a.area_id,d.target.checked)}
              />${a.name}</label
            >`)}
      </div>
      <h2>${t.t("panel.range")}</h2>
      <div class="row">
        ${mt(t,this.from,a=>this.from=a??this.from,t.t("panel.from"))}
        ${mt(t,this.to,a=>this.to=a,t.t("panel.to"))}
        <button class="primary" @click=${()=>{this.apply()}} ?disabled=${!this.entityIds.length}>
          ${t.t("panel.apply")}
        </button>
      </div>
    </section>`}filters(){let t=this.ctx;return l`<div class="row">
      <label
        >${t.t("panel.filter_kind")}<select
          @change=${s=>this.kind=s.target.value}
        >
          <option value="">${t.t("panel.all")}</option>
          ${Ln.map(s=>l`<option value=${s} ?selected=${s===this.kind}>${t.t(`cause.${s}`)}</option>`)}
        </select></label
      >
      <label
        >${t.t("panel.filter_actor")}<select
          @change=${s=>this.actor=s.target.value}
        >
          <option value="">${t.t("panel.all")}</option>
          ${(this.activity?.actors??[]).map(s=>l`<option value=${s.actor} ?selected=${s.actor===this.actor}>${s.name??s.actor}</option>`)}
        </select></label
      >
    </div>`}activitySection(){let t=this.ctx;return this.activity?l`<section>
      <h2>
        ${t.t("panel.activity")}
        <span class="muted">${t.t("panel.activity_total",{total:this.activity.total})}</span>
      </h2>
      <table>
        <tbody>
          ${this.activity.actors.map(s=>l`<tr>
                <td>
                  <button class="link" @click=${()=>this.actor=s.actor}>${s.name??s.actor}</button>
                  <span class="muted">${t.t(`cause.${s.kind}`)}</span>
                </td>
                <td class="num">${s.total}</td>
                <td class="muted">
                  ${Object.entries(s.by_entity).sort((i,n)=>n[1]-i[1]).slice(0,3).map(([i,n])=>`${t.name(i)} ${n}`).join(", ")}
                </td>
              </tr>`)}
        </tbody>
      </table>
    </section>`:u}render(){if(!this.hass)return u;let t=this.ctx,s=this.ctrl,i=s.list.filter(n=>(!this.kind||n.cause.kind===this.kind)&&(!this.actor||Ee(n.cause)===this.actor));return l`
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
          ${this.message?l`<p class="error">${this.message}</p>`:u}
          ${s.error?l`<p class="error">${t.t("card.error",{message:s.error})}</p>`:u}
          ${s.lanes.length?l`
                  ${Kt(s,t)} ${Zt(s,t)}
                  ${s.gapsIntegrity&&s.gapsIntegrity.ok===!1?l`<p class="error" role="alert">⚠ ${t.t("integrity.bad",{seq:s.gapsIntegrity.first_bad_seq??"?",reason:s.gapsIntegrity.reason??""})}</p>`:u}
                  ${this.filters()} ${Yt(s,t,i,480)}
                `:l`<p class="muted">${s.loading?t.t("card.loading"):t.t("card.no_entities")}</p>`}
          ${this.activitySection()}
          <audit-trail-panel-tools
            .ctx=${t}
            .entityIds=${this.entityIds}
            .from=${this.from}
            .to=${this.to}
          ></audit-trail-panel-tools>
        </section>
      </main>
      ${Gt(s,t)}
    `}};v=R(si),Pe=new WeakMap,De=new WeakMap,Ie=new WeakMap,Ue=new WeakMap,qe=new WeakMap,Oe=new WeakMap,Ve=new WeakMap,Ne=new WeakMap,je=new WeakMap,ze=new WeakMap,Be=new WeakMap,Fe=new WeakMap,We=new WeakMap,f(v,4,"hass",ei,S,Pe),f(v,4,"narrow",ti,S,De),f(v,4,"route",Xr,S,Ie),f(v,4,"panel",Jr,S,Ue),f(v,4,"picked",Qr,S,qe),f(v,4,"areas",Gr,S,Oe),f(v,4,"search",Yr,S,Ve),f(v,4,"from",Zr,S,Ne),f(v,4,"to",Kr,S,je),f(v,4,"kind",Wr,S,ze),f(v,4,"actor",Fr,S,Be),f(v,4,"activity",Br,S,Fe),f(v,4,"message",zr,S,We),M(v,S),y(S,"styles",[L,Wt,E`
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
        gap: 6px;
        align-items: center;
        font-size: 0.9em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
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
    `]);var At=(r,e)=>{let t=r.entity_id??"";switch(r.event_type){case"attributes_changed":return e.t("change.attributes");case"entity_added":return`${e.t("change.added")}: ${e.state(t,r.new_state)}`;case"entity_removed":return e.t("change.removed");case"annotation":case"correction":{let s=typeof r.payload?.message=="string"?r.payload.message:"",i=r.causation_seq===null?"":` (#${r.causation_seq})`;return`${e.t(`change.${r.event_type}`)}${i}: ${s}`}default:return r.old_state===r.new_state?e.t("change.attributes"):`${r.old_state===null?"—":e.state(t,r.old_state)} → ${r.new_state===null?"—":e.state(t,r.new_state)}`}};var ft=52,ri,ii,ni,oi,ai,ci,li,A,Ke,Ze,Ye,Ge,Qe,Je,U=class extends(li=_,ci=[b({attribute:!1})],ai=[b({attribute:!1})],oi=[b({type:Boolean})],ni=[b({type:Boolean})],ii=[b({type:Number})],ri=[w()],li){constructor(){super(...arguments);g(this,Ke,c(A,8,this)),c(A,11,this);g(this,Ze,c(A,12,this,[])),c(A,15,this);g(this,Ye,c(A,16,this,!1)),c(A,19,this);g(this,Ge,c(A,20,this,!1)),c(A,23,this);g(this,Qe,c(A,24,this,320)),c(A,27,this);g(this,Je,c(A,28,this,0)),c(A,31,this)}onScroll(t){this.scrollPos=t.target.scrollTop}updated(){let t=ke(this.scrollPos,this.height,ft,this.events.length);!this.loading&&Mr(t,this.events.length,this.hasMore)&&this.dispatchEvent(new CustomEvent("load-more",{bubbles:!0,composed:!0}))}open(t,s){this.dispatchEvent(new CustomEvent("change-select",{detail:{seq:t.seq,event:t,why:s},bubbles:!0,composed:!0}))}onKey(t,s){if(t.key!=="ArrowDown"&&t.key!=="ArrowUp")return;t.preventDefault();let i=s+(t.key==="ArrowDown"?1:-1);if(i<0||i>=this.events.length)return;let n=this.renderRoot.querySelector(".scroller"),o=i*ft;o<n.scrollTop?n.scrollTop=o:o+ft>n.scrollTop+this.height&&(n.scrollTop=o+ft-this.height),this.scrollPos=n.scrollTop,this.updateComplete.then(()=>this.renderRoot.querySelector(`[data-index="${i}"]`)?.focus())}row(t,s){let i=this.ctx;return l`<div
      class="row"
      role="listitem"
      tabindex="0"
      data-index=${s}
      @click=${()=>this.open(t,!1)}
      @keydown=${n=>n.key==="Enter"?this.open(t,!1):this.onKey(n,s)}
    >
      <div class="line1">
        <span class="name">${t.entity_id?i.name(t.entity_id):t.event_type}</span>
        <span class="change">${At(t,i)}</span>
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
    </div>`}render(){if(!this.ctx)return u;let t=ke(this.scrollPos,this.height,ft,this.events.length),s=this.events.slice(t.first,t.last);return l`
      <div
        class="scroller"
        style="max-height:${this.height}px"
        @scroll=${this.onScroll}
        role="list"
        aria-label=${this.ctx.t("card.changes")}
      >
        <div style="height:${t.padTop}px"></div>
        ${s.map((i,n)=>this.row(i,t.first+n))}
        <div style="height:${t.padBottom}px"></div>
        ${!this.events.length&&!this.loading?l`<div class="empty muted">${this.ctx.t("card.no_changes")}</div>`:u}
        ${this.loading?l`<div class="empty muted">${this.ctx.t("card.loading")}</div>`:u}
      </div>
    `}};A=R(li),Ke=new WeakMap,Ze=new WeakMap,Ye=new WeakMap,Ge=new WeakMap,Qe=new WeakMap,Je=new WeakMap,f(A,4,"ctx",ci,U,Ke),f(A,4,"events",ai,U,Ze),f(A,4,"hasMore",oi,U,Ye),f(A,4,"loading",ni,U,Ge),f(A,4,"height",ii,U,Qe),f(A,4,"scrollPos",ri,U,Je),M(A,U),y(U,"styles",[L,E`
      :host {
        display: block;
      }
      .scroller {
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      .row {
        height: ${ft}px;
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
    `]);var Pn=r=>{let e=s=>typeof s=="string"?s:s.toISOString(),t=new URLSearchParams({start:e(r.start),end:e(r.end),format:r.format});return r.entityIds?.length&&t.set("entity_id",r.entityIds.join(",")),`/api/audit_trail/export?${t.toString()}`},Dn=(r,e)=>(r?/filename="?([^";]+)"?/i.exec(r):null)?.[1]??e,Et=class extends Error{constructor(t){super(`export failed: HTTP ${t}`);y(this,"status",t)}},di=async(r,e)=>{let t=Pn(e),s=r.fetchWithAuth?await r.fetchWithAuth(t):await fetch(r.hassUrl?r.hassUrl(t):t,{headers:{Authorization:`Bearer ${r.auth?.data.access_token??""}`}});if(!s.ok)throw new Et(s.status);return{blob:await s.blob(),filename:Dn(s.headers.get("Content-Disposition"),`audit-trail.${e.format}`),sha256:s.headers.get("X-Audit-Trail-SHA256")}};var pi=864e5,In=async r=>{if(!globalThis.crypto?.subtle)return null;let e=await crypto.subtle.digest("SHA-256",await r.arrayBuffer());return[...new Uint8Array(e)].map(t=>t.toString(16).padStart(2,"0")).join("")},ui,hi,mi,fi,gi,yi,vi,bi,xi,$i,wi,x,Xe,ts,es,ss,rs,is,ns,os,as,cs,C=class extends(wi=_,$i=[b({attribute:!1})],xi=[b({attribute:!1})],bi=[b({type:Number})],vi=[b({attribute:!1})],yi=[w()],gi=[w()],fi=[w()],mi=[w()],hi=[w()],ui=[w()],wi){constructor(){super(...arguments);g(this,Xe,c(x,8,this)),c(x,11,this);g(this,ts,c(x,12,this,[])),c(x,15,this);g(this,es,c(x,16,this,Date.now()-pi)),c(x,19,this);g(this,ss,c(x,20,this,null)),c(x,23,this);g(this,rs,c(x,24,this,null)),c(x,27,this);g(this,is,c(x,28,this,[Date.now()-pi,Date.now()])),c(x,31,this);g(this,ns,c(x,32,this,null)),c(x,35,this);g(this,os,c(x,36,this,null)),c(x,39,this);g(this,as,c(x,40,this,"jsonl")),c(x,43,this);g(this,cs,c(x,44,this,null)),c(x,47,this)}async runDiff(){try{this.diff=await ur(this.ctx.hass,new Date(this.diffAt[0]),new Date(this.diffAt[1]),this.entityIds.length?this.entityIds:void 0)}catch(t){this.message=O(t)}}async runVerify(){this.verify="running";try{this.verify=await hr(this.ctx.hass)}catch(t){this.verify=null,this.message=O(t)}}async runExport(){let t=this.ctx.t;try{let s=this.to??Date.now(),i=await di(this.ctx.hass,{start:new Date(this.from),end:new Date(s),format:this.format,entityIds:this.entityIds}),n=await In(i.blob);this.exported={file:i.filename,sha:i.sha256,matches:n===null||i.sha256===null?null:n===i.sha256.toLowerCase()};let o=URL.createObjectURL(i.blob),a=document.createElement("a");a.href=o,a.download=i.filename,a.click(),setTimeout(()=>URL.revokeObjectURL(o),1e4)}catch(s){this.message=s instanceof Et?t("panel.export_failed",{status:s.status}):O(s)}}diffSection(){let t=this.ctx,s=Object.entries(this.diff?.changes??{});return l`<section>
      <h2>${t.t("panel.diff")}</h2>
      <div class="row">
        ${mt(t,this.diffAt[0],i=>this.diffAt=[i??this.diffAt[0],this.diffAt[1]],t.t("panel.from"))}
        ${mt(t,this.diffAt[1],i=>this.diffAt=[this.diffAt[0],i??this.diffAt[1]],t.t("panel.to"))}
        <button @click=${()=>{this.runDiff()}}>${t.t("panel.diff_run")}</button>
      </div>
      ${this.diff&&!s.length?l`<p class="muted">${t.t("panel.diff_none")}</p>`:u}
      ${s.length?l`<table>
              <tbody>
                ${s.map(([i,n])=>l`<tr>
                      <td>${t.name(i)}</td>
                      <td>
                        ${t.state(i,n.before?.state??null)} → ${t.state(i,n.after?.state??null)}
                      </td>
                      <td class="muted">${t.t("panel.diff_transitions",{count:n.transitions})}</td>
                    </tr>`)}
              </tbody>
            </table>`:u}
    </section>`}toolsSection(){let t=this.ctx,s=this.verify;return l`<section>
      <h2>${t.t("panel.verify")}</h2>
      <button @click=${()=>{this.runVerify()}} ?disabled=${s==="running"}>
        ${t.t("panel.verify")}
      </button>
      ${s==="running"?l`<span class="muted">${t.t("card.loading")}</span>`:u}
      ${s&&s!=="running"?s.ok?l`<p class="ok">✓ ${t.t("panel.verify_ok",{checked:s.checked})}</p>`:l`<p class="error" role="alert">
                ⚠
                ${t.t("panel.verify_bad",{seq:s.first_bad_seq??"?",reason:s.reason??"",checked:s.checked})}
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
      ${this.exported?l`<p class="sha">
              ${t.t("panel.export_sha",{file:this.exported.file,sha:this.exported.sha??"—"})}
              ${this.exported.matches===!0?l`<span class="ok">✓</span>`:this.exported.matches===!1?l`<span class="error" title=${t.t("panel.export_sha_mismatch")}>≠ ${t.t("panel.export_sha_mismatch")}</span>`:u}
            </p>`:u}
    </section>`}render(){return this.ctx?l`${this.message?l`<p class="error">${this.message}</p>`:u} ${this.diffSection()}
    ${this.toolsSection()}`:u}};x=R(wi),Xe=new WeakMap,ts=new WeakMap,es=new WeakMap,ss=new WeakMap,rs=new WeakMap,is=new WeakMap,ns=new WeakMap,os=new WeakMap,as=new WeakMap,cs=new WeakMap,f(x,4,"ctx",$i,C,Xe),f(x,4,"entityIds",xi,C,ts),f(x,4,"from",bi,C,es),f(x,4,"to",vi,C,ss),f(x,4,"diff",yi,C,rs),f(x,4,"diffAt",gi,C,is),f(x,4,"verify",fi,C,ns),f(x,4,"exported",mi,C,os),f(x,4,"format",hi,C,as),f(x,4,"message",ui,C,cs),M(x,C),y(C,"styles",[L,Wt,E`
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
    `]);var Jt={prev:"M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z",next:"M16,18H18V6H16M6,18L14.5,12L6,6V18Z",play:"M8,5.14V19.14L19,12.14L8,5.14Z",pause:"M14,19H18V5H14M6,19H10V5H6V19Z"},Xt=r=>Ws`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d=${r}></path></svg>`,_i,ki,Si,Ai,Ei,Ci,T,ls,ds,ps,us,hs,V=class extends(Ci=_,Ei=[b({attribute:!1})],Ai=[b({type:Number})],Si=[b({type:Boolean})],ki=[b({type:Boolean})],_i=[b({type:Number})],Ci){constructor(){super(...arguments);g(this,ls,c(T,8,this)),c(T,11,this);g(this,ds,c(T,12,this,0)),c(T,15,this);g(this,ps,c(T,16,this,!1)),c(T,19,this);g(this,us,c(T,20,this,!0)),c(T,23,this);g(this,hs,c(T,24,this,1)),c(T,27,this)}act(t,s){this.dispatchEvent(new CustomEvent("replay",{detail:{action:t,value:s},bubbles:!0,composed:!0}))}onJump(t){let s=t.target,i=zt(s.value,this.ctx.fmt.timeZone);if(Number.isNaN(i)){s.setCustomValidity(this.ctx.t("replay.jump")),s.reportValidity();return}s.setCustomValidity(""),this.act("jump",i)}render(){if(!this.ctx)return u;let t=this.ctx.t;return l`
      <button @click=${()=>this.act("prev")} aria-label=${t("replay.prev")} title=${t("replay.prev")}>
        ${Xt(Jt.prev)}
      </button>
      ${this.playing?l`<button
              @click=${()=>this.act("pause")}
              aria-label=${t("replay.pause")}
              title=${t("replay.pause")}
            >
              ${Xt(Jt.pause)}
            </button>`:l`<button
              @click=${()=>this.act("play")}
              aria-label=${t("replay.play")}
              title=${t("replay.play")}
            >
              ${Xt(Jt.play)}
            </button>`}
      <button @click=${()=>this.act("next")} aria-label=${t("replay.next")} title=${t("replay.next")}>
        ${Xt(Jt.next)}
      </button>
      <select
        aria-label=${t("replay.speed")}
        title=${t("replay.speed")}
        @change=${s=>this.act("speed",Number(s.target.value))}
      >
        ${wr.map(s=>l`<option value=${s} ?selected=${s===this.speed}>${s}×</option>`)}
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
        .value=${jt(this.cursor,this.ctx.fmt.timeZone)}
        @change=${this.onJump}
      />
    `}};T=R(Ci),ls=new WeakMap,ds=new WeakMap,ps=new WeakMap,us=new WeakMap,hs=new WeakMap,f(T,4,"ctx",Ei,V,ls),f(T,4,"cursor",Ai,V,ds),f(T,4,"playing",Si,V,ps),f(T,4,"live",ki,V,us),f(T,4,"speed",_i,V,hs),M(T,V),y(V,"styles",[L,E`
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
    `]);var Ti=(r,e)=>{let t=[];for(let s of[...r].sort((i,n)=>i.time-n.time||i.seq-n.seq)){let i=t[t.length-1];if(i&&s.time-i.time<e){let n=i.kind==="state"||s.kind==="state"?"state":s.kind;t[t.length-1]={...s,kind:n,count:i.count+s.count,time:i.time}}else t.push({...s})}return t};var Un=7,Mi,Ri,Li,Hi,Pi,Di,Ii,Ui,qi,$,ms,fs,gs,ys,vs,bs,xs,$s,H=class extends(qi=_,Ui=[b({attribute:!1})],Ii=[b({attribute:!1})],Di=[b({type:Number})],Pi=[b({type:Number})],Hi=[b({type:Number})],Li=[b({type:Boolean})],Ri=[b({type:Boolean})],Mi=[b({attribute:!1})],qi){constructor(){super(...arguments);g(this,ms,c($,8,this)),c($,11,this);g(this,fs,c($,12,this,[])),c($,15,this);g(this,gs,c($,16,this,0)),c($,19,this);g(this,ys,c($,20,this,0)),c($,23,this);g(this,vs,c($,24,this,0)),c($,27,this);g(this,bs,c($,28,this,!0)),c($,31,this);g(this,xs,c($,32,this,!1)),c($,35,this);g(this,$s,c($,36,this,new Map)),c($,39,this);y(this,"width",0);y(this,"observer");y(this,"dragging",!1)}connectedCallback(){super.connectedCallback(),this.observer=new ResizeObserver(t=>{let s=Math.round(t[0]?.contentRect.width??0);s&&Math.abs(s-this.width)>1&&(this.width=s,this.dispatchEvent(new CustomEvent("width-changed",{detail:{width:s},bubbles:!0,composed:!0})),this.requestUpdate())})}disconnectedCallback(){super.disconnectedCallback(),this.observer?.disconnect()}firstUpdated(t){let s=this.renderRoot.querySelector(".tracks");s&&this.observer?.observe(s)}inWindow(t){return t[0]&&t[0].time>=this.start?t:t.filter(s=>s.time>=this.start)}pct(t){let s=this.end-this.start;return s>0?Math.min(100,Math.max(0,(t-this.start)/s*100)):0}timeAt(t){let s=this.renderRoot.querySelector(".tracks").getBoundingClientRect(),i=Math.min(1,Math.max(0,(t-s.left)/Math.max(1,s.width)));return this.start+i*(this.end-this.start)}emit(t,s){this.dispatchEvent(new CustomEvent(t,{detail:s,bubbles:!0,composed:!0}))}onPointer(t,s){let i=t.target;if(!i.closest(".mark")){if(s==="down"){if(!i.closest(".track"))return;this.dragging=!0,t.currentTarget.setPointerCapture?.(t.pointerId)}this.dragging&&(s==="up"&&(this.dragging=!1),this.emit("cursor-set",{t:this.timeAt(t.clientX)}))}}onKey(t){let i={ArrowLeft:()=>this.emit("cursor-step",{dir:-1}),ArrowRight:()=>this.emit("cursor-step",{dir:1}),Home:()=>this.emit("cursor-set",{t:this.start}),End:()=>this.emit("cursor-set",{t:this.end})}[t.key];i&&t.target.classList.contains("tracks")&&(t.preventDefault(),i())}segment(t,s){let i=this.pct(s.start),n=this.growing&&s.end>=t.end&&s.kind!=="gap"?this.end:s.end,o=Math.max(.15,this.pct(n)-i),a=this.ctx,d=s.kind==="gap"?a.t("card.not_recorded",{reason:a.t(`gap.${s.reason}`)}):s.kind==="dense"?`${a.t("card.dense",{count:s.count??0})} → ${a.state(t.entityId,s.state)}`:a.state(t.entityId,s.state),h=s.kind==="gap"?"":`background:${a.color(t.entityId,s.state)}`;return l`<div
      class="seg ${s.kind}"
      style="left:${i}%;width:${o}%;${h}"
      title=${d}
    ></div>`}mark(t,s){let i=this.ctx,n=`${Nt(s.time,i.fmt)} ${i.name(t.entityId)}${s.count>1?` (${i.t("card.dense",{count:s.count})})`:""}`;return l`<button
      class="mark ${s.kind} ${s.cause.confidence==="low"?"low":""} ${s.cause.kind==="unobserved"?"unobserved":""}"
      style="left:${this.pct(s.time)}%"
      aria-label=${n}
      title=${n}
      @click=${()=>this.emit("mark-select",{seq:s.seq,event:s.count===1?s.event??null:null})}
    ></button>`}laneInfo(t){let s=this.ctx,i=this.info.get(t.entityId);if(!i||i.kind==="ask")return l`<span class="muted">…</span>`;if(i.kind==="gap")return l`<span class="gapnote"
        >${s.t("card.not_recorded",{reason:s.t(`gap.${i.reason}`)})}</span
      >`;let n=i.kind==="server"?i.state?.state??null:i.state,o=i.kind==="server"?i.state?Date.parse(i.state.last_changed):null:i.since,a=i.kind==="server"?i.state?.cause:i.cause,d=i.kind==="state"&&i.approx;return l`<span class="swatch" style="background:${s.color(t.entityId,n)}"></span>
      <span class="state">${s.state(t.entityId,n)}</span>
      ${o!==null&&n!==null?l`<span class="muted"
              >${s.t(d?"card.state_for_approx":"card.state_for",{duration:or(this.cursor-o)})}</span
            >`:u}
      ${a&&n!==null?Z(a,s):u}`}tick(t,s){let i=this.pct(t),n=i<8?"0":i>92?"-100%":"-50%",o=`${s?`${nr(t,this.ctx.fmt)} `:""}${Nt(t,this.ctx.fmt,!1)}`;return l`<span style="left:${i}%;transform:translateX(${n})">${o}</span>`}render(){if(!this.ctx)return u;let t=this.width?(this.end-this.start)/this.width*Un:0,s=ar(this.start,this.end,Math.max(2,Math.floor((this.width||300)/80)),this.ctx.fmt.timeZone),i=this.end-this.start>36*36e5;return l`
      <div
        class="tracks"
        tabindex="0"
        role="slider"
        aria-label=${this.ctx.t("replay.cursor")}
        aria-valuemin=${this.start}
        aria-valuemax=${this.end}
        aria-valuenow=${Math.round(this.cursor)}
        aria-valuetext=${Nt(this.cursor,this.ctx.fmt)}
        @pointerdown=${n=>this.onPointer(n,"down")}
        @pointermove=${n=>this.onPointer(n,"move")}
        @pointerup=${n=>this.onPointer(n,"up")}
        @keydown=${this.onKey}
      >
        ${this.lanes.map(n=>l`<div class="head">
                <span class="name">${this.ctx.name(n.entityId)}</span>${this.laneInfo(n)}
              </div>
              <div class="track" data-entity=${n.entityId}>
                ${n.segments.map(o=>this.segment(n,o))}
                ${Ti(this.inWindow(n.marks),t).map(o=>this.mark(n,o))}
              </div>`)}
        <div class="cursor ${this.live?"live":""}" style="left:${this.pct(this.cursor)}%"></div>
      </div>
      <div class="axis">${s.map(n=>this.tick(n,i))}</div>
    `}};$=R(qi),ms=new WeakMap,fs=new WeakMap,gs=new WeakMap,ys=new WeakMap,vs=new WeakMap,bs=new WeakMap,xs=new WeakMap,$s=new WeakMap,f($,4,"ctx",Ui,H,ms),f($,4,"lanes",Ii,H,fs),f($,4,"start",Di,H,gs),f($,4,"end",Pi,H,ys),f($,4,"cursor",Hi,H,vs),f($,4,"live",Li,H,bs),f($,4,"growing",Ri,H,xs),f($,4,"info",Mi,H,$s),M($,H),y(H,"styles",[L,E`
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
    `]);var Oi,Vi,Ni,at,ws,_s,G=class extends(Ni=_,Vi=[b({attribute:!1})],Oi=[b({attribute:!1})],Ni){constructor(){super(...arguments);g(this,ws,c(at,8,this)),c(at,11,this);g(this,_s,c(at,12,this,null)),c(at,15,this)}updated(t){if(!t.has("selection"))return;let s=this.renderRoot.querySelector("dialog");s&&(this.selection&&!s.open&&(s.showModal?s.showModal():s.setAttribute("open","")),!this.selection&&s.open&&s.close?.())}emit(t,s){this.dispatchEvent(new CustomEvent(t,{detail:s,bubbles:!0,composed:!0}))}hop(t){let s=this.ctx;switch(t.hop){case"state_change":return l`<li class="hop change">
          <div><b>${t.entity_id?s.name(t.entity_id):t.event_type}</b> ${At(t,s)}</div>
          <div class="muted">${B(Date.parse(t.time),s.fmt)}</div>
          <div>${Z(t.cause,s,!0)}</div>
        </li>`;case"automation_run":case"script_run":{let i=t.run_id?this.selection?.links[t.run_id]:void 0;return l`<li class="hop run">
          <div>${s.t("why.run",{name:t.name??it(s.hass.states,t.entity_id)})}</div>
          ${t.trigger?l`<div class="muted">${t.trigger}</div>`:u}
          ${t.service?l`<div class="muted">${t.service}</div>`:u}
          ${i?.kind==="link"?l`<a href=${i.url} @click=${n=>this.navigate(n,i.url)}>${s.t("why.trace_link")}</a>`:u}
          ${i?.kind==="gone"?l`<div class="muted">${s.t("why.trace_gone")}</div>`:u}
        </li>`}case"action_call":return l`<li class="hop action">${s.t("why.action",{service:t.service})}</li>`;case"user":{let i=Ce(s.hass.states,t.user_id);return l`<li class="hop user">
          ${i?l`<img class="avatar" src=${i} alt="" />`:u}
          ${s.t("why.user",{name:t.user_name??s.t("cause.unknown_user")})}
        </li>`}case"device":{let i=t.device_id?s.hass.devices?.[t.device_id]:void 0;return l`<li class="hop device">
          ${s.t("why.device",{name:i?.name_by_user??i?.name??t.platform??""})}
        </li>`}}}navigate(t,s){t.preventDefault(),history.pushState(null,"",s),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1}})),this.emit("closed")}render(){if(!this.ctx)return u;let t=this.ctx,s=this.selection,i=s?.event;return l`<dialog
      @close=${()=>this.emit("closed")}
      @cancel=${()=>this.emit("closed")}
      aria-labelledby="title"
    >
      ${s?l`
              <div class="top">
                <h2 id="title">${i?.entity_id?t.name(i.entity_id):t.t("why.title")}</h2>
                <button @click=${()=>this.emit("closed")} aria-label=${t.t("common.close")}>✕</button>
              </div>
              ${i?l`<div class="what">${At(i,t)}</div>
                      <div class="muted">${B(Date.parse(i.time),t.fmt)} · #${i.seq}</div>
                      <div class="cause">${Z(i.cause,t,!0)}</div>`:u}
              ${s.error?l`<p class="error">${s.error}</p>`:u}
              ${s.loading?l`<p class="muted">${t.t("why.loading")}</p>`:u}
              ${!s.trace&&!s.loading?l`<button class="primary" @click=${()=>this.emit("why-load",{seq:s.seq})}>
                      ${t.t("why.open")}
                    </button>`:u}
              ${s.trace?l`<h3>${t.t("why.title")}</h3>
                      <ol class="chain">
                        ${s.trace.hops.map(n=>this.hop(n))}
                      </ol>
                      <div class="root">
                        <span class="muted">${t.t("why.root")}:</span> ${Z(s.trace.root,t,!0)}
                      </div>`:u}
            `:u}
    </dialog>`}};at=R(Ni),ws=new WeakMap,_s=new WeakMap,f(at,4,"ctx",Vi,G,ws),f(at,4,"selection",Oi,G,_s),M(at,G),y(G,"styles",[L,E`
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
    `]);var qn=[["audit-trail-timeline",H],["audit-trail-change-list",U],["audit-trail-replay-bar",V],["audit-trail-why-dialog",G],["audit-trail-panel-tools",C],[dt,Y],["audit-trail-panel",S]];for(let[r,e]of qn)customElements.get(r)||customElements.define(r,e);var te=window;te.customCards=te.customCards??[];if(!te.customCards.some(r=>r.type===dt)){let r=st();te.customCards.push({type:dt,name:r("card.name"),description:r("card.description"),preview:!0,getEntitySuggestion:Or})}
